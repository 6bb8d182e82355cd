using Faithful.Analyzers.Extraction;
using Faithful.Model;

namespace Faithful.SourcePrograms;

/// <summary>
/// Turns the extractor's equatable model into the runtime <see cref="StepProgram"/>.
/// The generator's emitter writes code that builds exactly this value; a test holds them together.
/// </summary>
public static class ModelConversion
{
    public static StepProgram ToStepProgram(this ProgramModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new StepProgram(
            model.Name,
            model.Description,
            new Faithful.Model.EquatableArray<Parameter>(model.Parameters.Select(p => new Parameter(p.Name, Kind(p.Kind), p.Domain is { } d ? new Domain(d.Min, d.Max) : null))),
            new Faithful.Model.EquatableArray<Step>(model.Steps.Select(s => new Step(s.Index, s.Name, s.Variable, s.Version, Kind(s.Kind), ToExpr(s.Expression), s.SourceText, s.Line, s.IsDistractor))),
            ToExpr(model.Result),
            model.ResultSourceText,
            model.ContainingType,
            model.AllowNonFinite);
    }

    public static Expr ToExpr(ExprModel expression) => expression switch
    {
        ConstantModel c => new Constant(new Value(Kind(c.Kind), c.Bits)),
        RefModel r => new Ref(r.Slot, Kind(r.Kind)),
        UnaryModel u => new Unary((UnaryOp)(int)u.Op, ToExpr(u.Operand), Kind(u.Kind), u.Checked),
        BinaryModel b => new Binary((BinaryOp)(int)b.Op, ToExpr(b.Left), ToExpr(b.Right), Kind(b.Kind), b.Checked),
        ConditionalModel c => new Conditional((ComparisonOp)(int)c.Op, ToExpr(c.Left), ToExpr(c.Right), ToExpr(c.WhenTrue), ToExpr(c.WhenFalse), Kind(c.Kind)),
        _ => throw new ArgumentException($"Unknown expression model {expression.GetType().Name}.", nameof(expression)),
    };

    private static ValueKind Kind(ModelValueKind kind) => (ValueKind)(int)kind;
}
