using Faithful.Reports.RunFiles;

namespace Faithful.Cli.Running;

/// <summary>What a run did: how many results it found already in the run file, how many it requested now, and the file's final contents.</summary>
internal sealed record RunOutcome(int Resumed, int Requested, RunFileContents Contents);
