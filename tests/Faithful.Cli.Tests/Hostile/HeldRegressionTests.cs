using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.SourcePrograms;
using Faithful.Transcripts;

namespace Faithful.Cli.Tests.Hostile;

/// <summary>
/// What held up when issue 13 attacked the CLI, kept so it keeps holding: malformed lines are each reported as
/// <c>file(line): reason</c> with the good lines around them scored, and harmful programs are read, never executed.
/// </summary>
public sealed class HeldRegressionTests
{
    private const string GoodLine = """{"model":"m","reply":"s1 = 2\nFinal answer: 2","program":"var s1 = a + 1;","inputs":{"a":1},"question":"s1"}""";

    public static TheoryData<string> MalformedLines =>
    [
        "{ not json",
        "[]",
        "null",
        "42",
        "\"a string\"",
        "{}",
        """{"model":"m"}""",
        """{"reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1"}""",
        """{"model":"","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","program":"var s1 = a;","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","reply":"x","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","programName":"P","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1}}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":"1"},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":[1],"question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"b":1},"parameters":"long a","question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1,"b":2},"parameters":"long a","question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1.5},"parameters":"long a","question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"parameters":"int a","question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s9"}""",
        """{"model":"m","reply":"x","program":"var s1 = a +;","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a / 0;","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"while (a > 0) a--;","inputs":{"a":1},"question":"a"}""",
        """{"model":"m","reply":"x","program":"var s1 = a; } void M() {","inputs":{"a":1},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"for (var i = 0; i < 100000; i++) { a++; }","inputs":{"a":1},"question":"a"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1","sample":-1}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1","answerPattern":"("}""",
        """{"model":"m","reply":"x","programName":"Chain","inputs":[1,2]}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1","name":"not an identifier"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1e309},"question":"s1"}""",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1","metadata":""" + new string('[', 40) + new string(']', 40) + "}",
        """{"model":"m","reply":"x","program":"var s1 = a;","inputs":{"a":1},"question":"s1\u0000"}""",
        "\u001b]52;c;ZXZpbA==\u0007",
    ];

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public void A_malformed_line_is_reported_with_its_number_and_the_good_lines_around_it_are_scored(string malformed)
    {
        var import = TranscriptScorer.Score(new StringReader(GoodLine + "\n" + malformed + "\n" + GoodLine + "\n"), "m.jsonl");

        Assert.Equal(2, import.Results.Count);
        var issue = Assert.Single(import.Issues);
        Assert.Equal(2, issue.Line);
        Assert.StartsWith("m.jsonl(2): ", issue.ToString(), StringComparison.Ordinal);
        Assert.True(issue.Reason.Length > 10, issue.Reason);
    }

    public static TheoryData<string> HarmfulStatements =>
    [
        "System.IO.File.WriteAllText(\"MARKER\", \"pwned\"); a1 = a0;",
        "System.Diagnostics.Process.Start(\"touch\", \"MARKER\"); a1 = a0;",
        "var t = typeof(object).Assembly.GetType(\"System.IO.File\"); t.GetMethod(\"WriteAllText\", new[] { typeof(string), typeof(string) }).Invoke(null, new object[] { \"MARKER\", \"x\" });",
        "#r \"MARKER.dll\"\na1 = a0;",
        "Environment.Exit(3); a1 = a0;",
        "a1 = a0; } static ImportedStatements() { System.IO.File.WriteAllText(\"MARKER\", \"x\"); } static void X() {",
        "a1 = new System.Func<long>(() => { System.IO.File.WriteAllText(\"MARKER\", \"x\"); return 1; })();",
        "long Local() { System.IO.File.WriteAllText(\"MARKER\", \"x\"); return 1; } a1 = Local();",
        "System.AppDomain.CurrentDomain.ProcessExit += (s, e) => System.IO.File.WriteAllText(\"MARKER\", \"x\"); a1 = a0;",
        "unsafe { *(long*)0 = 1; } a1 = a0;",
    ];

    [Theory]
    [MemberData(nameof(HarmfulStatements))]
    public void Harmful_programs_are_read_and_never_executed(string statements)
    {
        using var dir = new TempDir();
        var marker = dir["marker"];
        var text = statements.Replace("MARKER", marker, StringComparison.Ordinal);
        var line = JsonSerializer.Serialize(new { model = "m", reply = "Final answer: 1", program = text, inputs = new { a0 = 1, a1 = 2 }, question = "a1" });

        var import = TranscriptScorer.Score(new StringReader(line + "\n" + GoodLine), "harm.jsonl");
        var file = CSharpProgramReader.ReadSource(
            "static class P { static P() { System.IO.File.WriteAllText(\"" + marker + "\", \"x\"); } [Faithful.ReferenceProgram] static long M(long a0, long a1) {\n" + text + "\nreturn a1; } }",
            "harm.cs",
            TestContext.Current.CancellationToken);

        Assert.False(File.Exists(marker), "the program ran");
        Assert.False(File.Exists(marker + ".dll"));
        Assert.Single(import.Results);
        Assert.Equal(1, Assert.Single(import.Issues).Line);
        Assert.True(file.Programs.Count + file.Problems.Count > 0);
    }
}
