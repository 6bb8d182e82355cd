namespace Faithful;

/// <summary>Declares the inclusive range of values a program input may take.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DomainAttribute : Attribute
{
    public DomainAttribute(long min, long max)
    {
        Min = min;
        Max = max;
    }

    public DomainAttribute(double min, double max)
    {
        Min = (decimal)min;
        Max = (decimal)max;
    }

    public decimal Min { get; }

    public decimal Max { get; }
}
