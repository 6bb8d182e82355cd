namespace Faithful.Reports.Agreement;

/// <summary>
/// How far a reader under test (normally the instrument) agrees with human labels on the same replies:
/// per-label precision, recall, F1 and kappa, answer agreement, right-for-the-wrong-reasons caught, a confusion
/// table and the disagreements, overall and per model.
/// </summary>
public sealed class AgreementReport
{
    private AgreementReport(IReadOnlyList<AgreementCase> cases)
    {
        Cases = cases;
        ByLabel = LabelNames.All.ToDictionary(label => label, label => BinaryAgreement.Count(cases, c => c.Gold.Labels.Contains(label), c => c.Tested.Labels.Contains(label)), StringComparer.Ordinal);
        ExactMatch = BinaryAgreement.Count(cases, _ => true, c => c.Gold.Labels.SetEquals(c.Tested.Labels)).TruePositives;
        FirstAnswer = CategoricalAgreement.Count(cases, c => c.Gold.FirstAnswer, c => c.Tested.FirstAnswer);
        LastAnswer = CategoricalAgreement.Count(cases, c => c.Gold.LastAnswer, c => c.Tested.LastAnswer);
        RightForWrongReasons = BinaryAgreement.Count(cases, c => c.Gold.RightForWrongReasons, c => c.Tested.RightForWrongReasons);
        Confusion = LabelNames.All.ToDictionary(
            gold => gold,
            gold => (IReadOnlyDictionary<string, int>)LabelNames.All.ToDictionary(
                tested => tested,
                tested => cases.Count(c => c.Gold.Labels.Contains(gold) && c.Tested.Labels.Contains(tested)),
                StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Every compared reply.</summary>
    public IReadOnlyList<AgreementCase> Cases { get; }

    public int Total => Cases.Count;

    /// <summary>Agreement on each label, in <see cref="LabelNames.All"/> order.</summary>
    public IReadOnlyDictionary<string, BinaryAgreement> ByLabel { get; }

    /// <summary>Replies whose label sets are identical.</summary>
    public int ExactMatch { get; }

    /// <summary>Mean F1 over the labels the gold reader uses at least once.</summary>
    public double MacroF1
    {
        get
        {
            var used = ByLabel.Values.Where(a => a.Gold > 0).ToList();
            return used.Count == 0 ? double.NaN : used.Average(a => a.F1);
        }
    }

    /// <summary>Mean Cohen's kappa over the labels the gold reader uses at least once.</summary>
    public double MeanKappa
    {
        get
        {
            var used = ByLabel.Values.Where(a => a.Gold > 0 && !double.IsNaN(a.Kappa)).ToList();
            return used.Count == 0 ? double.NaN : used.Average(a => a.Kappa);
        }
    }

    public CategoricalAgreement FirstAnswer { get; }

    public CategoricalAgreement LastAnswer { get; }

    /// <summary>Gold yes = the human flags right-for-the-wrong-reasons; recall is the share the instrument catches.</summary>
    public BinaryAgreement RightForWrongReasons { get; }

    /// <summary>Rows: a gold label; columns: a tested label; cell: replies carrying both.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion { get; }

    /// <summary>Replies where the readers differ, by model then id.</summary>
    public IEnumerable<AgreementCase> Disagreements =>
        Cases.Where(c => c.Disagrees).OrderBy(c => c.Model, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal);

    /// <summary>The same figures for each model's replies.</summary>
    public IReadOnlyList<(string Model, AgreementReport Report)> ByModel() =>
        Cases.GroupBy(c => c.Model, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, new AgreementReport(g.ToList())))
            .ToList();

    public static AgreementReport Of(IEnumerable<AgreementCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return new AgreementReport(cases.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());
    }
}
