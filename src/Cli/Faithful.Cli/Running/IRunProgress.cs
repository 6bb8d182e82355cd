using Faithful.Traces.Results;

namespace Faithful.Cli.Running;

/// <summary>Receives a run's live counts.</summary>
internal interface IRunProgress
{
    void Started(string model, int pending, int alreadyDone, int total);

    void Completed(CaseResult result);
}
