using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Faithful.Prompts;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Prompts;

/// <summary>The FA2xxx checks on one prompt template against its program, wherever the template lives.</summary>
internal static class PromptChecker
{
    /// <summary>Diagnostic property holding the "did you mean" name for the FA2001 fix.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>FA2002 property: the input the prompt never supplies.</summary>
    public const string InputProperty = "Input";

    /// <summary>FA2002 property: every input of the program, in parameter order, separated by commas.</summary>
    public const string AllInputsProperty = "Inputs";

    /// <summary>FA2004 property on a stated "N steps": the program's step count, for the fix that replaces N.</summary>
    public const string StepCountProperty = "StepCount";

    private static readonly Regex ProcessWords = new(
        @"\bsteps?\b|\bintermediate\b|\bshow (your )?work\b|\beach (line|assignment|statement|value)\b|\btrace\b|\bname\s*=\s*value\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex StatedCount = new(@"\b(\d{1,4})\s+steps\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A numbered line that is a step of the program: "Step 3: ...", or "3. ..." holding an assignment or placeholder.
    private static readonly Regex NumberedStep = new(
        @"^[ \t]*(?:step[ \t]+(?<n>\d{1,4})\b|(?<n>\d{1,4})[.)][ \t]+(?=[^\r\n]*(?:=|\{\{)))",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Checks <paramref name="template"/>; <paramref name="locate"/> maps a span of it to a source location.</summary>
    public static void Check(
        string template,
        ProgramShape shape,
        Func<int, int, Location> locate,
        Location wholePrompt,
        Action<Diagnostic> report)
    {
        var names = new HashSet<string>(shape.SlotNames(), StringComparer.Ordinal);
        names.UnionWith(PlaceholderSyntax.Blocks);
        var stepNames = new HashSet<string>(shape.Steps.Select(s => s.Name), StringComparer.Ordinal);
        var supplied = new HashSet<string>(StringComparer.Ordinal);
        var mentionsStep = false;
        foreach (var placeholder in PlaceholderSyntax.Parse(template))
        {
            var location = locate(placeholder.Start, placeholder.Length);
            if (!placeholder.IsClosed)
            {
                report(Diagnostic.Create(Descriptors.FA2006_PlaceholderMustBeClosed, location, template.Substring(placeholder.Start, placeholder.Length)));
                continue;
            }

            if (names.Contains(placeholder.Name))
            {
                supplied.Add(placeholder.Name);
                mentionsStep |= stepNames.Contains(placeholder.Name);
                continue;
            }

            var suggestion = PlaceholderSyntax.ClosestName(placeholder.Name, names);
            var properties = suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
            report(Diagnostic.Create(
                Descriptors.FA2001_PlaceholderMustNameInputOrStep,
                location,
                properties,
                template.Substring(placeholder.Start, placeholder.Length),
                shape.Name,
                suggestion is null ? string.Empty : " (did you mean '" + suggestion + "'?)"));
        }

        // The {{format}} block states the strict per-step format; {{inputs}} supplies every input.
        mentionsStep |= supplied.Contains(PlaceholderSyntax.FormatBlock);
        var inputs = string.Join(",", shape.Parameters.Select(p => p.Identifier.ValueText));
        foreach (var parameter in shape.Parameters)
        {
            var name = parameter.Identifier.ValueText;
            if (name.Length > 0 && !supplied.Contains(name) && !supplied.Contains(PlaceholderSyntax.InputsBlock))
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(InputProperty, name).Add(AllInputsProperty, inputs);
                report(Diagnostic.Create(Descriptors.FA2002_PromptShouldSupplyEveryInput, wholePrompt, properties, shape.Name, name));
            }
        }

        if (!mentionsStep && !ProcessWords.IsMatch(template))
        {
            report(Diagnostic.Create(Descriptors.FA2003_PromptShouldAskForSteps, wholePrompt, shape.Name));
        }

        if (shape.Unsupported.IsEmpty)
        {
            CheckStepCount(template, shape, locate, report);
        }
    }

    private static void CheckStepCount(string template, ProgramShape shape, Func<int, int, Location> locate, Action<Diagnostic> report)
    {
        var countProperties = ImmutableDictionary<string, string?>.Empty.Add(StepCountProperty, shape.StepCount.ToString(CultureInfo.InvariantCulture));
        foreach (Match match in StatedCount.Matches(template))
        {
            var stated = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (stated != shape.StepCount)
            {
                report(Diagnostic.Create(Descriptors.FA2004_StepCountMustMatchProgram, locate(match.Index, match.Length), countProperties, shape.Name, "states " + stated + " steps", shape.StepCount));
            }
        }

        Match? last = null;
        var highest = 0;
        foreach (Match match in NumberedStep.Matches(template))
        {
            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (number > highest)
            {
                highest = number;
                last = match;
            }
        }

        if (last is not null && highest >= 2 && highest != shape.StepCount)
        {
            var group = last.Groups["n"];
            report(Diagnostic.Create(Descriptors.FA2004_StepCountMustMatchProgram, locate(group.Index, group.Length), shape.Name, "lists " + highest + " numbered steps", shape.StepCount));
        }
    }
}
