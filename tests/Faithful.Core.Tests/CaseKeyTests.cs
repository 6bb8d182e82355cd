using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed class CaseKeyTests
{
    private static readonly StepProgram Chain = new ChainSpec(5, 2, ProgramSeed: 7).Generate();

    [Fact]
    public void A_key_names_every_input_by_its_parameter_and_reads_back_equal()
    {
        var key = CaseKey.Of(Chain, [Value.FromInt64(3), Value.FromInt64(-7)], 2);

        Assert.Equal($"{Chain.Id}(a=3,b=-7)#2", key.Id);
        Assert.True(CaseKey.TryParse(key.Id, out var read));
        Assert.Equal(key, read);
    }

    [Fact]
    public void An_id_written_without_names_matches_the_named_id_of_the_same_case_and_no_other()
    {
        var named = CaseKey.Of(Chain, [Value.FromInt64(3), Value.FromInt64(-7)], 0);

        Assert.Equal(named.MatchText, CaseKey.MatchTextOf($"{Chain.Id}(3,-7)#0"));
        Assert.NotEqual(named.MatchText, CaseKey.MatchTextOf($"{Chain.Id}(3,-7)#1"));
        Assert.NotEqual(named.MatchText, CaseKey.MatchTextOf($"{Chain.Id}(-7,3)#0"));
        Assert.NotEqual(named.MatchText, CaseKey.MatchTextOf($"Other(3,-7)#0"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("transcript-17")]
    [InlineData("P(a=1)")]
    [InlineData("P(a=1)#x")]
    [InlineData("P(a=1)#-1")]
    [InlineData("(a=1)#0")]
    [InlineData("P a=1)#0")]
    public void Ids_that_are_not_case_keys_are_not_read_and_pair_as_they_are(string id)
    {
        Assert.False(CaseKey.TryParse(id, out _));
        Assert.Equal(id, CaseKey.MatchTextOf(id));
    }

    [Fact]
    public void A_program_without_parameters_has_an_empty_input_list()
    {
        var key = new CaseKey("P.Constant", EquatableArray<CaseInput>.Empty, 0);

        Assert.Equal("P.Constant()#0", key.Id);
        Assert.True(CaseKey.TryParse(key.Id, out var read));
        Assert.Empty(read.Inputs);
    }
}
