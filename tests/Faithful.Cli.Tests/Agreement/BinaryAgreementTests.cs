using Faithful.Reports.Agreement;

namespace Faithful.Cli.Tests.Agreement;

public sealed class BinaryAgreementTests
{
    [Fact]
    public void Precision_recall_f1_and_kappa_match_hand_computed_figures()
    {
        // 100 replies: gold yes 30, tested yes 25, both 20. Observed agreement 0.85; chance 0.3*0.25 + 0.7*0.75 = 0.6.
        var a = new BinaryAgreement(TruePositives: 20, FalsePositives: 5, FalseNegatives: 10, TrueNegatives: 65);

        Assert.Equal(0.8, a.Precision, 12);
        Assert.Equal(20.0 / 30, a.Recall, 12);
        Assert.Equal(40.0 / 55, a.F1, 12);
        Assert.Equal(0.625, a.Kappa, 12);
    }

    [Fact]
    public void Kappa_is_undefined_when_neither_reader_ever_says_yes_and_f1_counts_that_as_agreement()
    {
        var a = new BinaryAgreement(0, 0, 0, 40);

        Assert.True(double.IsNaN(a.Kappa));
        Assert.True(double.IsNaN(a.Recall));
        Assert.Equal(1.0, a.F1);
    }

    [Fact]
    public void Categorical_kappa_over_three_answers()
    {
        // Gold: R R R W W N; tested: R R W W N N. Agree 4/6; chance (3*2 + 2*2 + 1*2)/36 = 1/3.
        string[] gold = ["R", "R", "R", "W", "W", "N"];
        string[] tested = ["R", "R", "W", "W", "N", "N"];

        var agreement = CategoricalAgreement.Count(Enumerable.Range(0, 6).ToList(), i => gold[i], i => tested[i]);

        Assert.Equal(4, agreement.Agreed);
        Assert.Equal((4.0 / 6 - 1.0 / 3) / (1 - 1.0 / 3), agreement.Kappa, 12);
    }
}
