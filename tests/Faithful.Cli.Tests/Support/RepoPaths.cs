namespace Faithful.Cli.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds the solution.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Faithful.Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Faithful.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SampleTranscripts => Path.Combine(Root, "samples", "transcripts", "sample.jsonl");
}
