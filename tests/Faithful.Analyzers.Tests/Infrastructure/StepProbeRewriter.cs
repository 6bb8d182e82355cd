using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Faithful.Analyzers.Tests.Infrastructure;

/// <summary>
/// Instruments reference programs so the compiled method reports every step's value: after each assignment
/// statement it inserts <c>StepProbe.Record(variable);</c>, so unrolled loop iterations record once per iteration.
/// </summary>
internal sealed class StepProbeRewriter : CSharpSyntaxRewriter
{
    public const string ProbeSource = """
        public static class StepProbe
        {
            public static readonly System.Collections.Generic.List<long> Values = new();
            public static void Record(long value) => Values.Add(value);
            public static void Record(double value) => Values.Add(System.BitConverter.DoubleToInt64Bits(value));
        }
        """;

    public static string Instrument(string source) =>
        new StepProbeRewriter().Visit(CSharpSyntaxTree.ParseText(source).GetRoot()).ToFullString();

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var body = node.Statement is BlockSyntax ? node.Statement : Block(node.Statement);
        return base.VisitForStatement(node.WithStatement(body));
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        var statements = new List<StatementSyntax>();
        foreach (var statement in visited.Statements)
        {
            statements.Add(statement);
            statements.AddRange(WrittenVariables(statement).Select(Record));
        }

        return visited.WithStatements(List(statements));
    }

    private static IEnumerable<string> WrittenVariables(StatementSyntax statement) => statement switch
    {
        LocalDeclarationStatementSyntax { IsConst: false } declaration =>
            declaration.Declaration.Variables.Where(v => v.Initializer is not null).Select(v => v.Identifier.ValueText),
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } } => [target.Identifier.ValueText],
        ExpressionStatementSyntax { Expression: PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } } => [target.Identifier.ValueText],
        ExpressionStatementSyntax { Expression: PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } } => [target.Identifier.ValueText],
        _ => [],
    };

    private static StatementSyntax Record(string variable) => ParseStatement($"global::StepProbe.Record({variable});");
}
