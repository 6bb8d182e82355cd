namespace Faithful.Model;

/// <summary>The inclusive range an input may take, declared with <see cref="DomainAttribute"/>.</summary>
public sealed record Domain(decimal Min, decimal Max)
{
    public bool Contains(Value value) => value.Kind == ValueKind.Int64
        ? value.AsInt64 >= Min && value.AsInt64 <= Max
        : InDecimalRange(value.AsDouble) && (decimal)value.AsDouble >= Min && (decimal)value.AsDouble <= Max;

    // decimal cannot hold NaN, infinities or magnitudes past ~7.9e28, and no domain reaches them.
    private static bool InDecimalRange(double value) => double.IsFinite(value) && Math.Abs(value) < 7.9e28;

    public override string ToString() => $"[{Min}, {Max}]";
}
