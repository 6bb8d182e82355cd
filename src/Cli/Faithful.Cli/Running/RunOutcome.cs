namespace Faithful.Cli.Running;

/// <summary>What a run did: how many results it found already in the run file and how many it requested now (the reports read the file as a stream).</summary>
internal sealed record RunOutcome(int Resumed, int Requested);
