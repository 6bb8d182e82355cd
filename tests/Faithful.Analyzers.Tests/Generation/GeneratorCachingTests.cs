using System.Collections;
using System.Reflection;
using Faithful.Analyzers.Generation;
using Faithful.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.Analyzers.Tests.Generation;

public sealed class GeneratorCachingTests
{
    [Fact]
    public void Second_run_on_an_unrelated_change_serves_every_tracked_step_from_cache()
    {
        var compilation = TestCompilation.Create(SamplePrograms.Source);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var changed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { static class Unrelated { static int X => 1; } }", TestCompilation.ParseOptions));
        var second = driver.RunGenerators(changed).GetRunResult().Results.Single();

        Assert.Equal(TrackingNames.All.Order(), first.TrackedSteps.Keys.Where(TrackingNames.All.Contains).Order());
        foreach (var name in TrackingNames.All)
        {
            var outputs = second.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} produced {output.Reason} on an unrelated change."));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_program_regenerates_only_that_program()
    {
        var compilation = TestCompilation.Create(SamplePrograms.Source);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("s2 - s1", StringComparison.Ordinal), "s2 - s1".Length, "s2 + s1"));

        var second = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        var programs = second.TrackedSteps[TrackingNames.SupportedPrograms].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, programs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(second.TrackedSteps[TrackingNames.CatalogEntries].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("new M.Binary(M.BinaryOp.Add, new M.Ref(3, M.ValueKind.Int64), new M.Ref(2, M.ValueKind.Int64)", second.GeneratedSources.Single(s => s.HintName.EndsWith("Chain.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tracked_step_outputs_hold_no_compilation_symbol_syntax_or_location()
    {
        var driver = TestCompilation.CreateDriver().RunGenerators(TestCompilation.Create(SamplePrograms.Source));
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertNoForbiddenTypes(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static readonly Type[] Forbidden = [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(SemanticModel), typeof(SyntaxTree)];

    private static void AssertNoForbiddenTypes(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"Step {step} outputs a {type.FullName}, which defeats caching and keeps compilations alive.");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoForbiddenTypes(item, step, visited);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoForbiddenTypes(field.GetValue(value), step, visited);
        }
    }
}
