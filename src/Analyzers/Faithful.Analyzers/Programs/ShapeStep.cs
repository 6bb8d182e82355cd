using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.Programs;

/// <summary>One executed write of a reference program, in execution order (constant loops unrolled).</summary>
internal sealed class ShapeStep
{
    public ShapeStep(int index, string variable, int version, StatementSyntax statement, SyntaxNode writeNode, ImmutableArray<int> readSlots)
    {
        Index = index;
        Variable = variable;
        Version = version;
        Statement = statement;
        WriteNode = writeNode;
        ReadSlots = readSlots;
        Name = variable;
    }

    public int Index { get; }

    public string Variable { get; }

    public int Version { get; }

    /// <summary>The statement as written; every iteration of an unrolled loop shares its body statement.</summary>
    public StatementSyntax Statement { get; }

    /// <summary>The declarator, assignment or increment that writes the variable.</summary>
    public SyntaxNode WriteNode { get; }

    /// <summary>The slots (inputs 0..P-1, steps P+i) this step reads, in source order.</summary>
    public ImmutableArray<int> ReadSlots { get; }

    /// <summary>The step name of the shared convention: the variable when written once and not an input, else <c>v#version</c>.</summary>
    public string Name { get; set; }
}
