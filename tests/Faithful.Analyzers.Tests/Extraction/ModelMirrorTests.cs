using Faithful.Analyzers.Extraction;
using Faithful.Model;

namespace Faithful.Analyzers.Tests.Extraction;

/// <summary>The analyzer's enums are copied from Faithful.Model (netstandard2.0 cannot reference it); they must match by name and value.</summary>
public sealed class ModelMirrorTests
{
    [Fact]
    public void Enums_match_Faithful_Model_member_for_member()
    {
        AssertSameMembers<ModelValueKind, ValueKind>();
        AssertSameMembers<ModelBinaryOp, BinaryOp>();
        AssertSameMembers<ModelUnaryOp, UnaryOp>();
        AssertSameMembers<ModelComparisonOp, ComparisonOp>();
    }

    private static void AssertSameMembers<TMirror, TModel>()
        where TMirror : struct, Enum
        where TModel : struct, Enum
    {
        Assert.Equal(Enum.GetNames<TModel>(), Enum.GetNames<TMirror>());
        Assert.Equal(Enum.GetValues<TModel>().Select(v => Convert.ToInt32(v, null)), Enum.GetValues<TMirror>().Select(v => Convert.ToInt32(v, null)));
    }
}
