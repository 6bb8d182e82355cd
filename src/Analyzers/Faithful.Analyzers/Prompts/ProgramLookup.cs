using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.Prompts;

/// <summary>Finds the <c>[ReferenceProgram]</c> a prompt names: <c>Method</c> or <c>Type.Method</c> (any namespace prefix).</summary>
internal static class ProgramLookup
{
    public static ProgramShape? Find(Compilation compilation, FaithfulTypes types, string programName, CancellationToken cancellationToken)
    {
        var name = programName.Trim();
        var dot = name.LastIndexOf('.');
        var methodName = dot < 0 ? name : name.Substring(dot + 1);
        var typeName = dot < 0 ? null : name.Substring(0, dot);
        if (methodName.Length == 0)
        {
            return null;
        }

        foreach (var symbol in compilation.GetSymbolsWithName(methodName, SymbolFilter.Member, cancellationToken))
        {
            if (symbol is not IMethodSymbol method || !types.IsReferenceProgram(method))
            {
                continue;
            }

            if (typeName is not null)
            {
                var fullType = method.ContainingType.ToDisplayString();
                if (fullType != typeName && !fullType.EndsWith("." + typeName, StringComparison.Ordinal))
                {
                    continue;
                }
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
                {
                    // Syntax only: the program may sit in another tree, and an analyzer must not ask the compilation
                    // for another tree's semantic model; loops with literal bounds still unroll.
                    return ProgramShapeReader.Read(declaration, semanticModel: null, cancellationToken);
                }
            }
        }

        return null;
    }
}
