using System.Numerics;
using Faithful.Traces.Results;

namespace Faithful.Traces.Scoring;

/// <summary>
/// <see cref="Scores"/> computed online: one case at a time, in constant memory, and mergeable, so a report over millions
/// of cases (or over shards merged later) holds one accumulator per group instead of the cases. Means and variances are
/// summed exactly (each share rounded once to a multiple of 2⁻⁶², far below a double's precision, then added as integers),
/// so the result does not depend on the order cases arrive in: a run, the same run resumed, and its shards merged give
/// the same figures to the last bit.
/// </summary>
public sealed class ScoreAccumulator
{
    private const int FractionBits = 62;
    private static readonly int ModeCount = Enum.GetValues<FailureMode>().Max(m => (int)m) + 1;

    private readonly int[] _modes = new int[ModeCount];
    private readonly int[] _modesAnywhere = new int[ModeCount];
    private int _cases;
    private int _errors;
    private int _firstRight;
    private int _finalRight;
    private int _rightForWrongReasons;
    private ExactSum _faithfulness;
    private ExactSum _completeness;

    /// <summary>Cases with a verdict.</summary>
    public int Cases => _cases;

    /// <summary>Cases without a verdict.</summary>
    public int Errors => _errors;

    public void Add(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Add(result.Verdict);
    }

    /// <summary>Adds one case by its verdict; null for a case without one (its request failed).</summary>
    public void Add(TraceVerdict? verdict)
    {
        if (verdict is null)
        {
            _errors++;
            return;
        }

        _cases++;
        _firstRight += verdict.FirstAnswerCorrect ? 1 : 0;
        if (verdict.FinalAnswerCorrect)
        {
            _finalRight++;
            _rightForWrongReasons += verdict.RightForWrongReasons ? 1 : 0;
        }

        _modes[(int)verdict.PrimaryMode]++;
        foreach (var mode in verdict.Modes.Distinct())
        {
            _modesAnywhere[(int)mode]++;
        }

        _faithfulness.Add(verdict.StepFaithfulness);
        _completeness.Add(verdict.Completeness);
    }

    /// <summary>Adds every case <paramref name="other"/> holds.</summary>
    public void Merge(ScoreAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _cases += other._cases;
        _errors += other._errors;
        _firstRight += other._firstRight;
        _finalRight += other._finalRight;
        _rightForWrongReasons += other._rightForWrongReasons;
        for (var m = 0; m < _modes.Length; m++)
        {
            _modes[m] += other._modes[m];
            _modesAnywhere[m] += other._modesAnywhere[m];
        }

        _faithfulness.Merge(other._faithfulness);
        _completeness.Merge(other._completeness);
    }

    public ScoreSummary ToSummary(string group)
    {
        var modes = Enum.GetValues<FailureMode>().ToDictionary(m => m, m => _modes[(int)m]);
        return new ScoreSummary(
            group,
            _cases,
            _errors,
            new Proportion(_firstRight, _cases),
            new Proportion(_finalRight, _cases),
            _faithfulness.Estimate(_cases),
            _completeness.Estimate(_cases),
            new Proportion(_rightForWrongReasons, _finalRight),
            new Proportion(modes[FailureMode.Correct], _cases),
            modes)
        {
            ModesAnywhere = Enum.GetValues<FailureMode>().ToDictionary(m => m, m => _modesAnywhere[(int)m]),
        };
    }

    /// <summary>Σv and Σv² as integers in units of 2⁻⁶², exact and order-free.</summary>
    private struct ExactSum
    {
        private static readonly double Unit = Math.ScaleB(1.0, FractionBits);

        private Int128 _sum;
        private Int128 _squares;

        public void Add(double value)
        {
            // A share outside [0, 1] (never produced by the scorer) is clamped rather than allowed to overflow the sums.
            var v = double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
            _sum += (Int128)Math.Round(v * Unit);
            _squares += (Int128)Math.Round(v * v * Unit);
        }

        public void Merge(ExactSum other)
        {
            _sum += other._sum;
            _squares += other._squares;
        }

        public readonly MeanEstimate Estimate(int count)
        {
            if (count == 0)
            {
                return new MeanEstimate(double.NaN, double.NaN, 0);
            }

            var mean = (double)(BigInteger)_sum / Unit / count;
            if (count == 1)
            {
                return new MeanEstimate(mean, 0, 1);
            }

            // Sample variance (Σv² − (Σv)²/n)/(n − 1), with the numerator n·Σv²·2⁶² − (Σv)² computed exactly.
            var sum = (BigInteger)_sum;
            var numerator = (count * (BigInteger)_squares << FractionBits) - (sum * sum);
            var variance = Math.Max(0, (double)numerator / ((double)count * (count - 1)) / Unit / Unit);
            return new MeanEstimate(mean, Math.Sqrt(variance), count);
        }
    }
}
