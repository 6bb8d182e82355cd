using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.Tests.Verifiers;

/// <summary>
/// Verifies fixes of diagnostics reported in additional files (<c>*.prompt.md</c>). Microsoft.CodeAnalysis.Testing
/// 1.1.4 checks such diagnostics and compares <c>FixedState.AdditionalFiles</c>, but only offers C# documents'
/// diagnostics to the fixer, so this applies the fixes itself, the way the IDE does: a <see cref="CodeFixContext"/>
/// on the additional document, one fix at a time, then fix-all in project and solution scope.
/// Files use the library's markup: <c>{|FA2001:...|}</c> marks an expected diagnostic; markup left in a fixed
/// file marks one the fix cannot remove. The C# source may hold prompt constants too; it must become
/// <c>fixedSource</c> (unchanged when that is null).
/// </summary>
public static class AdditionalFileFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task VerifyFixAsync(
        string source,
        (string Path, string Text)[] files,
        (string Path, string Text)[] fixedFiles,
        string equivalenceKey,
        string? fixedSource = null)
    {
        fixedSource ??= source;

        // The library checks the diagnostics before and after, with their markup.
        await VerifyDiagnosticsAsync(source, files);
        await VerifyDiagnosticsAsync(fixedSource, fixedFiles);

        var expected = fixedFiles.ToDictionary(f => f.Path, f => WithoutMarkup(f.Text));
        var expectedSource = WithoutMarkup(fixedSource);
        var fixer = new TCodeFix();

        var oneByOne = await FixOneAtATimeAsync(CreateProject(source, files), fixer, equivalenceKey);
        await AssertFilesAsync(oneByOne, expectedSource, expected, "one fix at a time");

        foreach (var scope in new[] { FixAllScope.Project, FixAllScope.Solution })
        {
            var fixedAll = await FixAllAsync(CreateProject(source, files), fixer, equivalenceKey, scope);
            await AssertFilesAsync(fixedAll, expectedSource, expected, "fix-all in " + scope);
        }
    }

    private static async Task VerifyDiagnosticsAsync(string source, (string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        foreach (var (path, text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static string WithoutMarkup(string text)
    {
        TestFileMarkupParser.GetSpans(text, out var output, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
        return output;
    }

    private static Project CreateProject(string source, (string Path, string Text)[] files)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Prompts", "Prompts", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithMetadataReferences(OfflineReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", WithoutMarkup(source), filePath: "/0/Test0.cs");
        foreach (var (path, text) in files)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), WithoutMarkup(text), filePath: path);
        }

        return solution.GetProject(projectId)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, IEnumerable<string> ids)
    {
        var compilation = await project.GetCompilationAsync(TestContext.Current.CancellationToken);
        var diagnostics = await compilation!
            .WithAnalyzers([new TAnalyzer()], project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        return [.. diagnostics.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)];
    }

    private static TextDocument? DocumentOf(Project project, Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree is { } tree
            ? project.GetDocument(tree)
            : project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);

    private static async Task<CodeAction?> ActionAsync(Project project, CodeFixProvider fixer, Diagnostic diagnostic, string equivalenceKey)
    {
        if (DocumentOf(project, diagnostic) is not { } document)
        {
            return null;
        }

        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), TestContext.Current.CancellationToken));
        return actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(TestContext.Current.CancellationToken);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetProject(project.Id)!;
    }

    private static async Task<Project> FixOneAtATimeAsync(Project project, CodeFixProvider fixer, string equivalenceKey)
    {
        // Each round fixes the first fixable diagnostic; a fix that cannot remove its diagnostic would loop, so rounds are bounded.
        for (var round = 0; round < 50; round++)
        {
            CodeAction? action = null;
            foreach (var diagnostic in await DiagnosticsAsync(project, fixer.FixableDiagnosticIds))
            {
                action = await ActionAsync(project, fixer, diagnostic, equivalenceKey);
                if (action is not null)
                {
                    break;
                }
            }

            if (action is null)
            {
                return project;
            }

            project = await ApplyAsync(project, action);
        }

        Assert.Fail("The fix did not converge after 50 rounds: it does not remove the diagnostic it fixes.");
        return project;
    }

    private static async Task<Project> FixAllAsync(Project project, CodeFixProvider fixer, string equivalenceKey, FixAllScope scope)
    {
        var diagnostics = await DiagnosticsAsync(project, fixer.FixableDiagnosticIds);
        var provider = fixer.GetFixAllProvider();
        Assert.NotNull(provider);
        Assert.Contains(scope, provider.GetSupportedFixAllScopes());
        var context = new FixAllContext(project, fixer, scope, equivalenceKey, fixer.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), TestContext.Current.CancellationToken);
        var action = await provider.GetFixAsync(context);
        Assert.NotNull(action);
        Assert.Equal(equivalenceKey, action.EquivalenceKey);
        return await ApplyAsync(project, action);
    }

    private static async Task AssertFilesAsync(Project project, string source, Dictionary<string, string> expected, string how)
    {
        foreach (var document in project.AdditionalDocuments)
        {
            var text = (await document.GetTextAsync(TestContext.Current.CancellationToken)).ToString();
            Assert.True(expected.TryGetValue(document.FilePath!, out var want), $"{how}: unexpected file {document.FilePath}");
            Assert.True(want == text, $"{how}: {document.FilePath} differs.\nExpected:\n{want}\nActual:\n{text}");
        }

        var code = (await project.Documents.Single().GetTextAsync(TestContext.Current.CancellationToken)).ToString();
        Assert.True(code == source, $"{how}: the C# source differs.\nExpected:\n{source}\nActual:\n{code}");
    }

    /// <summary>The diagnostics computed before fix-all, as the IDE's diagnostic service would hand them over.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}
