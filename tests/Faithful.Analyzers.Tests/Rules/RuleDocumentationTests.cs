using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Faithful.Analyzers.Tests.Rules;

public sealed partial class RuleDocumentationTests
{
    private static readonly string Root = AllAnalyzers.RepositoryRoot();

    public static TheoryData<string> DiagnosticIds() =>
        [.. AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void The_analyzers_report_every_rule_of_both_ranges()
    {
        var ids = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().ToList();

        Assert.Contains("FA1001", ids);
        Assert.Contains("FA1009", ids);
        Assert.Contains("FA1016", ids);
        Assert.Contains("FA2001", ids);
        Assert.Contains("FA2007", ids);
        Assert.Equal(23, ids.Count);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_descriptor_links_to_its_existing_doc_with_the_standard_sections(string id)
    {
        var descriptor = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

        Assert.Equal(Faithful.Analyzers.Utility.Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var doc = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(doc), $"{descriptor.HelpLinkUri} points at {doc}, which does not exist.");
        var text = File.ReadAllText(doc);
        Assert.StartsWith("# " + id + ": ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Description", "## Non-compliant code", "## Compliant code", "## How to fix", "## When to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_rule_is_tracked_in_the_unshipped_release_with_its_category_and_severity(string id)
    {
        var descriptor = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "Faithful.Analyzers", "AnalyzerReleases.Unshipped.md"));

        Assert.Matches(new Regex("^" + id + @" \| " + descriptor.Category + @" \| " + descriptor.DefaultSeverity + @" \|", RegexOptions.Multiline), releases);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_id_sits_in_its_category_range(string id)
    {
        var descriptor = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        var expected = id.StartsWith("FA1", StringComparison.Ordinal) ? "ReferenceProgram" : "Prompt";

        Assert.Equal(expected, descriptor.Category);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void The_doc_offers_a_code_fix_exactly_when_an_exported_fixer_fixes_the_rule(string id)
    {
        var fixers = typeof(Faithful.Analyzers.CodeFixes.FA2000.PlaceholderMustNameInputOrStepFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);
        var fixable = fixers.Any(f => f.FixableDiagnosticIds.Contains(id));
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "rules", id + ".md"));
        var column = Regex.Match(doc, @"^\| \w+ \| \w+ \| (?<fix>yes|no) \|", RegexOptions.Multiline);

        Assert.True(column.Success, $"{id}.md has no '| Category | Severity | Code fix |' row.");
        Assert.Equal(fixable ? "yes" : "no", column.Groups["fix"].Value);
    }
}
