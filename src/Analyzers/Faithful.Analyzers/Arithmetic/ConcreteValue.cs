using System.Numerics;

namespace Faithful.Analyzers.Arithmetic;

/// <summary>A long or double computed by <see cref="WitnessSearch"/>, as .NET computes it.</summary>
internal readonly record struct ConcreteValue(bool IsDouble, long Long, double Double)
{
    public static ConcreteValue Of(long value) => new(false, value, 0);

    public static ConcreteValue Of(double value) => new(true, 0, value);

    public double AsDouble => IsDouble ? Double : Long;

    public BigInteger AsBig => Long;
}
