namespace Faithful.Cli.Output;

/// <summary>Checks a path the user named as an input file, so that each way it can be wrong gets its own message.</summary>
internal static class InputFiles
{
    /// <exception cref="CliException">The path is a directory or does not exist.</exception>
    public static void RequireFile(string path, string what, string advice)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{what} '{path}' is a directory; pass a file in it. {advice}");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{what} '{path}' does not exist. {advice}");
        }
    }
}
