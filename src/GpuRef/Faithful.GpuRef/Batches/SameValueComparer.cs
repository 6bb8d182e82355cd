using Faithful.Model;

namespace Faithful.GpuRef.Batches;

/// <summary>
/// Bitwise equality of values, except that any NaN equals any NaN of the same kind: NaN payloads are not
/// portable across hardware (PTX produces a canonical NaN, x64 a negative quiet one), and C# gives them no meaning.
/// </summary>
public sealed class SameValueComparer : IEqualityComparer<Value>
{
    public static SameValueComparer Instance { get; } = new();

    public bool Equals(Value x, Value y) => x == y || (x.Kind == ValueKind.Double && y.Kind == ValueKind.Double && double.IsNaN(x.AsDouble) && double.IsNaN(y.AsDouble));

    public int GetHashCode(Value obj) => obj.Kind == ValueKind.Double && double.IsNaN(obj.AsDouble) ? 1 : obj.GetHashCode();
}
