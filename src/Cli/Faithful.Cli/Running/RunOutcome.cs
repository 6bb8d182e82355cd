namespace Faithful.Cli.Running;

/// <summary>
/// What a run did: how many results it found already in the run file, how many it requested now, and what it did to the
/// run file on the way (a rebuilt header, a lock taken over). The reports read the file as a stream.
/// </summary>
internal sealed record RunOutcome(int Resumed, int Requested, IReadOnlyList<string> Notes);
