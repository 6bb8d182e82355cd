using Faithful.Reports.RunFiles;

namespace Faithful.Cli.Running;

/// <summary>
/// What a run did: how many results it found already in the run file, how many it requested now, the file's final
/// contents, and what it did to the run file on the way (a rebuilt header, a lock taken over).
/// </summary>
internal sealed record RunOutcome(int Resumed, int Requested, RunFileContents Contents, IReadOnlyList<string> Notes);
