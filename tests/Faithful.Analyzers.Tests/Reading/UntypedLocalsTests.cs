extern alias runtime;

using runtime::Faithful.SourcePrograms;

namespace Faithful.Analyzers.Tests.Reading;

/// <summary>
/// Programs from untyped languages get Faithful's types; text with nothing to retype comes back as it was, unparsed
/// (a for header's <c>var</c>, a cast's <c>int</c>), and anything that could be a declaration is parsed and retyped.
/// </summary>
public sealed class UntypedLocalsTests
{
    [Theory]
    [InlineData("var n = 0;\nn += 1;", "long n = 0;\nn += 1;")]
    [InlineData("var d = 1.5;", "double d = 1.5;")]
    [InlineData("float f = 2;\nint i = 3;", "double f = 2;\nlong i = 3;")]
    [InlineData("long a = 0;\nint b = (int)a;", "long a = 0;\nlong b = (int)a;")]
    [InlineData("long a = 0;\nfor (var i = 0; i < 2; i++)\n{\n    var t = a;\n    a = t + 1;\n}", "long a = 0;\nfor (var i = 0; i < 2; i++)\n{\n    long t = a;\n    a = t + 1;\n}")]
    [InlineData("long a = 0;\nfor (var i = 0; i < 2; i++) { ushort t = 1; a += t; }", "long a = 0;\nfor (var i = 0; i < 2; i++) { long t = 1; a += t; }")]
    [InlineData("long a = 0; const int k = 3; a += k;", "long a = 0; const long k = 3; a += k;")]
    [InlineData("@var x = 1;", "long x = 1;")]
    public void Declarations_are_retyped(string statements, string expected) =>
        Assert.Equal(expected, UntypedLocals.Widen(statements));

    [Theory]
    [InlineData("long n_0 = 0;\nfor (var i0 = 0; i0 < 3; i0++)\n{\n    n_0 -= 2;\n}")]
    [InlineData("long a = 5;\nlong b = (int)a + (short)(a * 2);")]
    [InlineData("long a = 0;\nfor ( var i = 0; i < 2; i++) a += i; // an int counter")]
    [InlineData("double x = 1.5;\nlong interval = 2; long variance = 3; long floated = 4;")]
    public void Text_with_nothing_to_retype_is_returned_as_it_was(string statements) =>
        Assert.Same(statements, UntypedLocals.Widen(statements));
}
