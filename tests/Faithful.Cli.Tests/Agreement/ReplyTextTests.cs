using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faithful.Cli.Tests.Support;

namespace Faithful.Cli.Tests.Agreement;

/// <summary>
/// The real replies may not be copied into the repository (shared/realdata/codesim-loops/NOTES.md): docs, code and tests
/// describe a reply's form in paraphrase and name replies by id. This fails on any line that holds a run of
/// <see cref="RunLength"/> tokens, at least half of them words, that some reply holds and no prompt does (replies echo
/// their prompt). It runs where the replies are (../shared/realdata or $FAITHFUL_REALDATA) and skips elsewhere, as
/// <c>eng/labeling/reply_text_scan.py</c> does the same check by hand.
/// </summary>
public sealed partial class ReplyTextTests
{
    private const int RunLength = 16;

    private static string Corpus => Path.Combine(
        Environment.GetEnvironmentVariable("FAITHFUL_REALDATA") is { Length: > 0 } folder ? folder : Path.Combine(RepoPaths.Root, "..", "shared", "realdata"),
        "codesim-loops",
        "replies.jsonl.gz");

    [Fact]
    public void No_line_of_docs_code_or_tests_copies_a_run_of_reply_text()
    {
        if (!File.Exists(Corpus))
        {
            Assert.Skip($"The real replies are not here ({Path.GetFullPath(Corpus)}); set FAITHFUL_REALDATA to the realdata folder to run this test.");
        }

        // The repository's runs first (a few hundred thousand), then one pass over the replies looking each run up:
        // holding every run of every reply would take hundreds of megabytes.
        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in RepositoryTexts())
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                foreach (var run in Runs(line))
                {
                    runs.TryAdd(run, $"{Path.GetRelativePath(RepoPaths.Root, path)}:{number}");
                }
            }
        }

        var inReplies = new HashSet<string>(StringComparer.Ordinal);
        var inPrompts = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Corpus), CompressionMode.Decompress)))
        {
            while (reader.ReadLine() is { } record)
            {
                using var document = JsonDocument.Parse(record);
                Collect(document.RootElement.GetProperty("reply").GetString(), runs, inReplies);
                Collect(document.RootElement.GetProperty("prompt").GetString(), runs, inPrompts);
            }
        }

        // Places only, never the copied text itself: the failure message lands in CI logs.
        var copied = inReplies.Except(inPrompts).Select(run => runs[run]).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(copied.Count == 0, $"{copied.Count} line(s) hold {RunLength} tokens in a row of a real reply; describe the reply's form in your own words and name it by id:\n" + string.Join('\n', copied));
    }

    private static IEnumerable<string> RepositoryTexts()
    {
        var root = RepoPaths.Root;
        var files = new List<string> { Path.Combine(root, "README.md") };
        foreach (var (folder, pattern) in new[] { ("docs", "*.md"), ("src", "*.cs"), ("tests", "*.cs"), ("samples", "*.cs") })
        {
            files.AddRange(Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        }

        return files;
    }

    private static void Collect(string? text, Dictionary<string, string> wanted, HashSet<string> found)
    {
        if (text is null)
        {
            return;
        }

        foreach (var run in Runs(text))
        {
            if (wanted.ContainsKey(run))
            {
                found.Add(run);
            }
        }
    }

    // Each run of RunLength tokens (lower-case words and numbers, single operators and punctuation) with at least half
    // words: tables, number lists and arithmetic are not reply text however often replies hold them.
    private static IEnumerable<string> Runs(string text)
    {
        var tokens = Token().Matches(text.ToLowerInvariant().Replace('`', ' ').Replace("*", " * ", StringComparison.Ordinal)).Select(m => m.Value).ToArray();
        for (var i = 0; i + RunLength <= tokens.Length; i++)
        {
            var window = tokens.AsSpan(i, RunLength);
            var words = 0;
            foreach (var token in window)
            {
                words += char.IsAsciiLetter(token[0]) ? 1 : 0;
            }

            if (words * 2 >= RunLength)
            {
                yield return string.Join(' ', window.ToArray());
            }
        }
    }

    [GeneratedRegex(@"[a-z0-9_]+|[-+*/=<>()\[\],.:;]")]
    private static partial Regex Token();
}
