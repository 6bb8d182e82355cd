using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.Programs;

/// <summary>
/// The step structure of a reference program as read from its syntax: which writes happen in which order,
/// which slots each reads, and what could not be read as a step. Built without a semantic model,
/// so prompts in one file can resolve a program declared in another.
/// </summary>
internal sealed class ProgramShape
{
    public ProgramShape(
        string name,
        ImmutableArray<ParameterSyntax> parameters,
        ImmutableArray<ShapeStep> steps,
        int stepCount,
        bool isComplete,
        ExpressionSyntax? result,
        ImmutableArray<int> resultReads,
        ImmutableArray<UnsupportedStatement> unsupported,
        ImmutableArray<SyntaxToken> redeclarations,
        ImmutableArray<IdentifierNameSyntax> readsBeforeWrite)
    {
        Name = name;
        Parameters = parameters;
        Steps = steps;
        StepCount = stepCount;
        IsComplete = isComplete;
        Result = result;
        ResultReads = resultReads;
        Unsupported = unsupported;
        Redeclarations = redeclarations;
        ReadsBeforeWrite = readsBeforeWrite;
    }

    public string Name { get; }

    public ImmutableArray<ParameterSyntax> Parameters { get; }

    /// <summary>Steps in execution order; empty past <see cref="ProgramShapeReader.MaxUnrolledSteps"/>.</summary>
    public ImmutableArray<ShapeStep> Steps { get; }

    /// <summary>How many steps run, counted even when too many to unroll.</summary>
    public int StepCount { get; }

    /// <summary>False when something could not be read or unrolled; data-flow rules then stay silent.</summary>
    public bool IsComplete { get; }

    public ExpressionSyntax? Result { get; }

    public ImmutableArray<int> ResultReads { get; }

    public ImmutableArray<UnsupportedStatement> Unsupported { get; }

    /// <summary>Identifiers of locals declared a second time (or reusing a parameter's name).</summary>
    public ImmutableArray<SyntaxToken> Redeclarations { get; }

    public ImmutableArray<IdentifierNameSyntax> ReadsBeforeWrite { get; }

    public int ParameterCount => Parameters.Length;

    public string ParameterName(int index) => Parameters[index].Identifier.ValueText;

    /// <summary>Input names followed by step names: every name a prompt placeholder may use.</summary>
    public IEnumerable<string> SlotNames()
    {
        foreach (var parameter in Parameters)
        {
            yield return parameter.Identifier.ValueText;
        }

        foreach (var step in Steps)
        {
            yield return step.Name;
        }
    }
}

/// <summary>A statement or declaration part that is not a step, with what it is and what to do instead.</summary>
internal readonly record struct UnsupportedStatement(SyntaxNode Node, string What, string Hint);
