using System.Globalization;
using System.Text;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.RunFiles.Compact;

/// <summary>
/// Per-step verdicts as one run-length-encoded string: a letter per verdict, followed by a count when it repeats
/// (<c>C40P2EM12</c> is 40 correct, 2 propagated errors, 1 execution error, 12 missing). <c>N</c> is a missing step whose
/// claim has no readable value; <c>M</c> a missing step with no claim at all. A 10,000-step trace that stops after 40
/// steps costs a handful of bytes.
/// </summary>
public static class StepCodes
{
    public static string Encode(IEnumerable<(StepVerdict Verdict, bool HasClaim)> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var runs = new CodeRuns();
        foreach (var (verdict, hasClaim) in steps)
        {
            runs.Add(CodeOf(verdict, hasClaim));
        }

        return runs.Finish();
    }

    /// <summary>
    /// <see cref="Encode(IEnumerable{ValueTuple{StepVerdict, bool}})"/> of a verdict's step rows, read straight from
    /// them: every scored reply passes through here, with a row per step (10,000 for an unrolled loop).
    /// </summary>
    public static string Encode(ReadOnlySpan<StepAlignment> steps)
    {
        var runs = new CodeRuns();
        foreach (var step in steps)
        {
            runs.Add(CodeOf(step.Verdict, step.Claim is not null));
        }

        return runs.Finish();
    }

    // The run-length text both encoders write, one code at a time.
    private sealed class CodeRuns
    {
        private readonly StringBuilder _text = new();
        private char _current;
        private int _run;

        public void Add(char code)
        {
            if (code == _current)
            {
                _run++;
                return;
            }

            Flush(_text, _current, _run);
            _current = code;
            _run = 1;
        }

        public string Finish()
        {
            Flush(_text, _current, _run);
            _run = 0;
            return _text.ToString();
        }
    }

    /// <exception cref="FormatException">The text is not a step-code string.</exception>
    public static List<(StepVerdict Verdict, bool HasClaim)> Decode(string codes, int maxSteps = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var steps = new List<(StepVerdict, bool)>();
        var i = 0;
        while (i < codes.Length)
        {
            var code = codes[i++];
            var start = i;
            while (i < codes.Length && char.IsAsciiDigit(codes[i]))
            {
                i++;
            }

            var count = start == i ? 1 : int.Parse(codes.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            if (count < 1 || steps.Count + (long)count > maxSteps)
            {
                throw new FormatException($"step codes '{Short(codes)}' hold more steps than the program has ({maxSteps}).");
            }

            var step = code switch
            {
                'C' => (StepVerdict.Correct, true),
                'G' => (StepVerdict.Correct, false),
                'P' => (StepVerdict.PropagatedError, true),
                'E' => (StepVerdict.ExecutionError, true),
                'N' => (StepVerdict.Missing, true),
                'M' => (StepVerdict.Missing, false),
                _ => throw new FormatException($"'{code}' is not a step code (C, G, P, E, N or M) in '{Short(codes)}'."),
            };
            for (var n = 0; n < count; n++)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static char CodeOf(StepVerdict verdict, bool hasClaim) => verdict switch
    {
        // A given step (a declaration's literal) is correct with no claim: 'C' would claim a reply line it does not have.
        StepVerdict.Correct => hasClaim ? 'C' : 'G',
        StepVerdict.PropagatedError => 'P',
        StepVerdict.ExecutionError => 'E',
        _ => hasClaim ? 'N' : 'M',
    };

    private static void Flush(StringBuilder text, char code, int run)
    {
        if (run == 0)
        {
            return;
        }

        text.Append(code);
        if (run > 1)
        {
            text.Append(run.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
