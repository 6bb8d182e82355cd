using System.Globalization;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Spectre.Console;

namespace Faithful.Cli.Running;

/// <summary>Live progress bars with counts for an interactive terminal, one task per model.</summary>
internal sealed class SpectreProgress(ProgressContext context) : IRunProgress
{
    private readonly Lock _gate = new();
    private ProgressTask? _task;
    private string _model = "";
    private int _right;
    private int _faithful;
    private int _errors;

    public void Started(string model, int pending, int alreadyDone, int total)
    {
        lock (_gate)
        {
            (_model, _right, _faithful, _errors) = (model, 0, 0, 0);
            _task = context.AddTask(Markup.Escape(model), maxValue: Math.Max(1, total));
            _task.Value = alreadyDone;
            if (pending == 0)
            {
                _task.Value = _task.MaxValue;
            }
        }
    }

    public void Completed(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _right += result.Verdict is { FirstAnswerCorrect: true } ? 1 : 0;
            _faithful += result.Verdict is { PrimaryMode: FailureMode.Correct } ? 1 : 0;
            _errors += result.Verdict is null ? 1 : 0;
            if (_task is not null)
            {
                _task.Increment(1);
                _task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{_model} · right {_right} · faithful {_faithful} · errors {_errors}"));
            }
        }
    }
}
