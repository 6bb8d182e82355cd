using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faithful.Traces.Parsing.Reading;
using Faithful.Traces.Parsing.Reading.Recognisers;
using Faithful.Traces.Tests.Scoring;
using Faithful.Traces.Tests.Simulation;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// The reader skips a recogniser on a line that lacks every word it needs (<see cref="WordTags"/>, cue phrases) or the
/// run of tokens every reading of it starts with (a name-value pair, a value then a separator, a name plus a name).
/// That shortcut must never change a reading: on every line below, a recogniser whose gate is shut proposes nothing
/// when run anyway.
/// </summary>
public sealed partial class RecogniserGateTests
{
    private sealed record Gate(string Name, Func<LineContext, bool> MayPropose, Action<LineContext, Proposals> Propose);

    // Every recogniser with a gate, found by reflection: a gate added later is held to these tests without being listed.
    private static readonly Gate[] Gates = [.. typeof(ProseAnswerRecogniser).Assembly.GetTypes()
        .Where(type => type.Namespace == typeof(ProseAnswerRecogniser).Namespace && type.GetMethod("MayPropose", BindingFlags.Public | BindingFlags.Static) is not null)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => new Gate(
            type.Name,
            type.GetMethod("MayPropose", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<LineContext, bool>>(),
            type.GetMethod("Propose", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Action<LineContext, Proposals>>()))];

    [Fact]
    public void Every_gated_recogniser_is_found() => Assert.Equal(
        ["EchoRecogniser", "NoChangeRecogniser", "ProseAnswerRecogniser", "ProseExecutionRecogniser", "ReadoutRecogniser", "SnapshotRecogniser", "ValueListRecogniser"],
        Gates.Select(gate => gate.Name));

    // Lines each gate must let through (the recogniser reads them) next to near misses it may shut out.
    private static readonly string[] Handwritten =
    [
        "n_0 starts at 1", "n_1 begins with 0", "Starting with n_0 = 3", "n_0 = 1, n_1 = 0 (before the loop)", "The input a is 3",
        "The output of the function for n=3 is -5", "f(3) = 7", "F(3) is 7", "The answer is 12", "So the result is 4.",
        "subtract a3 from a2, giving 9", "n_1 is decreased by 2 to -3", "which brings n_0 to 5", "n_0 ends up at -6",
        "`n_0 *= -1` sets `n_0` to `0`", "n_0 becomes 3, then 5", "Setting n_0 TO 4", "s1 = (-7) + 12 * 2 = 17",
        "State: a = -19, b = -7, s1 = -1", "long s1 = a + b gives s1 = 33", "to n_0 add 2", "n_0 goes to 4",
        "The final value of n_0 is -5", "At the end, n_1 = 3", "n_1 ends up at -8", "a2 = a2 (no change)", "n_1 stays 0",
        "multiplying by -1 doesn't change its value, so n_1 remains 0", "n_0 REMAINS 4",
        "n_0 = 1, n_1 = 0", "n_0 is 1 and n_1 is 0", "State: n_0 = 2", "[n_0, n_1] = [7, 1]", "(n_0, n_1) = (7, 1)", "n_0: 3",
        "n_0 becomes 1, then 2, and finally 3", "n_0 = 1, 3, 5", "n_0: -1 -> -2 -> -3", "n_0 goes 1 then 2", "n_0 = 1; 2",
        "n_0 + n_1 = 3 + 4 = 7", "n_0 + n_1 + n_2 = 7", "s1 = (7 - 2) * 3 = 15", "n_0 = (-3)", "Values: (n_0 n_1) = (1 2)",
        "n_0 = (2) and n_1 is 5", "x: n_0 = 4", "First, s1 becomes (-19) - 7 * 5 = -54. Then, s2 becomes 3.",
        "long s1 = (a - b) % 7 -> s1 = ((-13) - 16) % 7 = -1", "n_0 = 3 (given)", "Initially n_0 is 3.", "n_0 was initialised to 3",
        "n_0 = 0, (0 + 2) = 2, (2 + 2) = 4", "n_0 becomes 1, and then 3", "s3 = s2 + 4 -> s3 = 17",
        "n_0 will change from 1 to -1, then back to 1, and lastly to -1 again.", "n_0 will become 2, 4, and 6",
    ];

    [Theory]
    [InlineData("The loop runs three times, so n_0 becomes 7.", true)]
    [InlineData("n_1 is decreased by 2 3 TIMES, giving -6.", true)]
    [InlineData("n_0 = 2 times 3 = 6", false)]
    [InlineData("n_0 becomes 7.", false)]
    public void A_count_of_repetitions_makes_a_sentence_a_loop_summary(string text, bool summarizes)
    {
        var line = new LineContext(LineNormalizer.Normalize(text), null, null, new NameRules(["n_0", "n_1"]), LineSection.None, ReaderKnowledge.None);
        Assert.Equal(summarizes, line.IsShortcutSentence(0));
    }

    [Fact]
    public void A_shut_gate_never_hides_a_proposal_on_handwritten_simulated_and_generated_lines()
    {
        var lines = Handwritten
            .Concat(RealReplyCases.All().SelectMany(c => c.Reply.Split('\n')))
            .Concat(VerdictCases.All().SelectMany(c => c.Reply.Split('\n')))
            .Concat(SimulatedCorpus.Labelled(400, seed: 7).SelectMany(c => c.Reply.Text.Split('\n')))
            .ToList();

        var shut = CheckAll(lines, ["a", "b", "s1", "s2", "s3", "s4", "n_0", "n_1", "a0", "a1", "a2", "a3", "a4", "f", "to"]);

        // The gates do shut (each on some line) and open (each on a line its recogniser reads): a gate that never shuts
        // tests nothing, and one that never opens would drop a recogniser.
        foreach (var gate in Gates)
        {
            Assert.True(shut[gate.Name].Shut > 0, $"the {gate.Name} gate never shut");
            Assert.True(shut[gate.Name].Read > 0, $"the {gate.Name} recogniser read no line");
        }
    }

    [Fact]
    public void A_shut_gate_never_hides_a_proposal_on_the_lines_of_real_replies()
    {
        var corpus = Path.Combine(
            Environment.GetEnvironmentVariable("FAITHFUL_REALDATA") is { Length: > 0 } folder ? folder : Path.Combine(RepoRoot(), "..", "shared", "realdata"),
            "codesim-loops",
            "replies.jsonl.gz");
        if (!File.Exists(corpus))
        {
            Assert.Skip($"The real replies are not here ({Path.GetFullPath(corpus)}); they live outside the repository; set FAITHFUL_REALDATA to the realdata folder to run this test.");
        }

        using var reader = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress));
        var lines = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } json)
        {
            using var document = JsonDocument.Parse(json);
            lines.AddRange((document.RootElement.GetProperty("reply").GetString() ?? "").Split('\n'));
            names.UnionWith(VariableName().Matches(document.RootElement.GetProperty("program").GetString() ?? "").Select(m => m.Value));
        }

        // Reply text stays out of failure messages (they land in CI logs): CheckAll names the line by number only.
        var shut = CheckAll(lines, names);
        Assert.All(Gates, gate => Assert.True(shut[gate.Name].Shut > lines.Count / 10, $"the {gate.Name} gate shut on {shut[gate.Name].Shut} of {lines.Count} lines"));
    }

    // The sections a line may sit under, taken in turn line by line in the third reading below.
    private static readonly LineSection[] Sections = [LineSection.Snapshot, LineSection.Echo, LineSection.Readout, LineSection.Loop];

    // Each line as the reader sees it (normalized, list prefix stripped, code and trailing comment apart), read with the
    // program's names and without any (every letters-then-digits word a name), and once more with the program's names
    // under a heading and with an answer that sums variables: the gates must hold every way.
    private static Dictionary<string, (int Shut, int Read)> CheckAll(IReadOnlyList<string> lines, IEnumerable<string> knownNames)
    {
        var counts = Gates.ToDictionary(g => g.Name, _ => (Shut: 0, Read: 0));
        var known = new NameRules(knownNames);
        var sum = new ReaderKnowledge(null, null, null, answerIsSum: true);
        var proposals = new Proposals();
        for (var n = 0; n < lines.Count; n++)
        {
            var stripped = LinePrefix.Strip(LineNormalizer.Normalize(lines[n]));
            var (code, comment) = TokenText.SplitComment(stripped.Rest);
            (NameRules Names, LineSection Section, ReaderKnowledge Knowledge)[] readings =
                [(known, LineSection.None, ReaderKnowledge.None), (new NameRules(null), LineSection.None, ReaderKnowledge.None), (known, Sections[n % Sections.Length], sum)];
            foreach (var text in comment is null ? [code] : new[] { code, comment })
            {
                foreach (var (names, section, knowledge) in readings)
                {
                    var line = new LineContext(text, stripped.StepNumber, stripped.NameHint, names, section, knowledge);
                    foreach (var gate in Gates)
                    {
                        proposals.Clear();
                        gate.Propose(line, proposals);
                        var open = gate.MayPropose(line);
                        Assert.True(open || proposals.Count == 0, $"line {n + 1}: the {gate.Name} gate shut on a line its recogniser reads");
                        var (shutCount, read) = counts[gate.Name];
                        counts[gate.Name] = (shutCount + (open ? 0 : 1), read + (proposals.Count > 0 ? 1 : 0));
                    }
                }
            }
        }

        return counts;
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Faithful.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }

    [GeneratedRegex(@"\b[A-Za-z]+_?\d+\b")]
    private static partial Regex VariableName();
}
