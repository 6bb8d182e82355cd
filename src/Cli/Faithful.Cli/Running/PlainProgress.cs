using System.Globalization;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Running;

/// <summary>
/// Plain progress for logs and CI: a line when a model starts, then a line every tenth of the way with live counts.
/// </summary>
internal sealed class PlainProgress(TextWriter output) : IRunProgress
{
    private readonly Lock _gate = new();
    private string _model = "";
    private int _pending;
    private int _done;
    private int _right;
    private int _faithful;
    private int _errors;

    public void Started(string model, int pending, int alreadyDone, int total)
    {
        lock (_gate)
        {
            (_model, _pending, _done, _right, _faithful, _errors) = (model, pending, 0, 0, 0, 0);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model}: {total} cases, {alreadyDone} already in the run file, {pending} to request"));
        }
    }

    public void Completed(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _done++;
            _right += result.Verdict is { FirstAnswerCorrect: true } ? 1 : 0;
            _faithful += result.Verdict is { PrimaryMode: FailureMode.Correct } ? 1 : 0;
            _errors += result.Verdict is null ? 1 : 0;
            var step = Math.Max(1, _pending / 10);
            if (_done % step == 0 || _done == _pending)
            {
                output.WriteLine(Line());
            }
        }
    }

    private string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_model}: {_done}/{_pending} done · first answer right {_right} · faithful {_faithful} · errors {_errors}");
}
