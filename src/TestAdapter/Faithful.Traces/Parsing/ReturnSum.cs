using Faithful.Model;

namespace Faithful.Traces.Parsing;

/// <summary>A program's answer as a return sum (<c>n_0 + n_1 + n_2</c>, the form readers' ruling 5 speaks of).</summary>
internal static class ReturnSum
{
    /// <summary>The slots the answer adds up, in order, or null when it is not a sum of the program's values.</summary>
    public static List<int>? Operands(Expr result)
    {
        var slots = new List<int>();
        return AddsUp(result, slots) ? slots : null;
    }

    private static bool AddsUp(Expr expression, List<int> slots)
    {
        switch (expression)
        {
            case Ref r:
                slots.Add(r.Slot);
                return true;
            case Binary { Op: BinaryOp.Add } add:
                return AddsUp(add.Left, slots) && AddsUp(add.Right, slots);
            default:
                return false;
        }
    }
}
