using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;
using Faithful.Traces.Tests.Simulation;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// The aligner pairs a reply that executes the steps in order without filling the alignment table, when the pairing
/// is provably the table's only best one. That shortcut must never change an alignment: each trace below is aligned
/// with and without it, and the two must agree claim for claim.
/// </summary>
public sealed class InOrderShortcutTests
{
    [Fact]
    public void The_shortcut_pairs_as_the_table_does_on_simulated_replies_of_every_mode_and_style()
    {
        var cases = SimulatedCorpus.Labelled(1200, seed: 11);
        var (inOrder, attempts) = (0, 0);
        foreach (var labelled in cases)
        {
            var truth = ReferenceEvaluator.Evaluate(labelled.Program, labelled.Inputs);
            if (truth.Fault is not null)
            {
                continue;
            }

            var parsed = TraceParser.Parse(labelled.Reply.Text, TraceParserOptions.ForProgram(labelled.Program));
            var (shortcut, table) = BothWays(labelled.Program, truth, parsed, $"{labelled.Program.Id} {labelled.Reply.Label}");
            inOrder += shortcut.AttemptsInOrder;
            attempts += parsed.Claims.Select(c => c.Attempt).Distinct().Count();
            Assert.Equal(0, table.AttemptsInOrder);
        }

        // Both paths are exercised: faithful replies take the shortcut, most failure modes leave it to the table.
        Assert.InRange(inOrder, attempts / 10, attempts * 9 / 10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_shortcut_pairs_as_the_table_does_on_in_order_traces_with_random_slips(int seed)
    {
        // Register programs write each variable many times and read inputs; loop programs start from given values.
        StepProgram[] programs = [Programs.Registers(), Programs.Loop(), new RegisterSpec(5, 40, ProgramSeed: (ulong)seed).Generate(), LoopPrograms.Generate(seed, 2, 3, nested: true)];
        var random = new Random(seed);
        var (inOrder, traces) = (0, 0);
        foreach (var program in programs)
        {
            var truth = ReferenceEvaluator.Evaluate(program, program.Parameters.Count == 0 ? [] : InputSampler.Sample(program, (ulong)seed).Inputs);
            for (var n = 0; n < 400; n++)
            {
                var parsed = Slipped(program, truth, random, slips: n % 4);
                var (shortcut, _) = BothWays(program, truth, parsed, $"{program.Id} trace {n}");
                inOrder += shortcut.AttemptsInOrder > 0 ? 1 : 0;
                traces++;
            }
        }

        Assert.InRange(inOrder, traces / 10, traces * 9 / 10);
    }

    [Theory]
    [InlineData(ReplyStyle.EchoedList)]
    [InlineData(ReplyStyle.Snapshots)]
    [InlineData(ReplyStyle.CodeFirst)]
    public void Declarations_stated_twice_take_the_shortcut_and_pair_as_the_table_does(ReplyStyle style)
    {
        // "long n_0 = -1 -> n_0 = -1" (and a listing of the code before it) states each given value as two or three
        // repeats: the table gives the declaration to the last of them, and so must the walk, instead of leaving it all
        // to the table. Where a write brings a variable back to its given value, the repeats could be that write too and
        // the table decides; before the walk knew these ties, it left every such reply to the table.
        var simulator = new ReplySimulator(SimulationProfile.Perfect with { RealStyles = true });
        var (walked, replies) = (0, 0);
        for (var seed = 0; seed < 24; seed++)
        {
            var program = LoopPrograms.Generate(seed, 2, 3, nested: seed % 2 == 0);
            var truth = ReferenceEvaluator.Evaluate(program, Array.Empty<Value>());
            var reply = simulator.Simulate(program, truth.Inputs, seed, FailureMode.Correct, style);
            var parsed = TraceParser.Parse(reply.Text, TraceParserOptions.ForProgram(program));
            Assert.Contains(parsed.Claims, c => c.Repeats);
            var (shortcut, _) = BothWays(program, truth, parsed, $"{program.Id} {style}\n{reply.Text}");
            var returns = program.Steps.Any(step => step.Expression is not Constant
                && program.Steps.Any(given => given.Expression is Constant && given.Variable == step.Variable && truth.StepValues[given.Index] == truth.StepValues[step.Index]));
            Assert.True(returns || shortcut.AttemptsInOrder == 1, $"{program.Id} {style}: the walk left the pairing to the table\n{reply.Text}");
            walked += shortcut.AttemptsInOrder;
            replies++;
        }

        Assert.InRange(walked, replies / 3, replies);
    }

    [Fact]
    public void A_repeat_is_left_to_a_later_one_only_when_that_one_scores_the_same_at_the_same_target()
    {
        // The declaration n_0 = 1 restated, then a repeat of n_0 with a value no step has: only the first can pair with
        // the declaration, so the walk must not leave it unpaired for the second.
        var program = Traces.Tests.Programs.Loop();
        var truth = ReferenceEvaluator.Evaluate(program, Array.Empty<Value>());
        var claims = new List<(string? Name, Value Value, bool Repeats, string Text, int Attempt)>
        {
            ("n_0", Value.FromInt64(1), true, "long n_0 = 1;", 0),
            ("n_0", Value.FromInt64(99), true, "n_0 = 99", 0),
        };
        claims.AddRange(program.Steps.Where(step => step.Expression is not Constant)
            .Select(step => ((string?)step.Variable, truth.StepValues[step.Index], false, $"{step.Variable} = {truth.StepValues[step.Index]}", 0)));

        var (shortcut, table) = BothWays(program, truth, Parsed(claims), "a repeat with another value after a declaration");
        Assert.Equal(ClaimRole.InputEcho, table.Claims[0].Role);
        Assert.Equal(1, shortcut.AttemptsInOrder);
    }

    private static (TraceAlignment Shortcut, TraceAlignment Table) BothWays(StepProgram program, Trace truth, ParsedTrace parsed, string what)
    {
        var shortcut = TraceAligner.Align(program, truth, parsed, inOrderShortcut: true);
        var table = TraceAligner.Align(program, truth, parsed, inOrderShortcut: false);
        Assert.True(
            Pairings(shortcut).SequenceEqual(Pairings(table)),
            $"{what}: with the shortcut {string.Join(" ", Pairings(shortcut))}; with the table {string.Join(" ", Pairings(table))}");
        Assert.Equal(table.Verdicts, shortcut.Verdicts);
        return (shortcut, table);
    }

    private static IEnumerable<string> Pairings(TraceAlignment alignment) =>
        alignment.Claims.Select(c => $"{c.ClaimIndex}:{c.Role}@{c.StepIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}{(c.Summarizes ? "*" : "")}={c.Claim.Value}");

    // The faithful trace (every computed step, in order, named by its variable; given values restated first or not at
    // all), then a few slips of the kinds models make: a step dropped or done twice, two steps swapped, a wrong value,
    // another write's value, the value held before (a repeat), an input or given value restated, an early stop, a
    // restart.
    private static ParsedTrace Slipped(StepProgram program, Trace truth, Random random, int slips)
    {
        var claims = new List<(string? Name, Value Value, bool Repeats, string Text, int Attempt)>();
        foreach (var step in program.Steps)
        {
            if (step.Expression is Constant && random.Next(2) == 0)
            {
                continue;
            }

            claims.Add((step.Variable, truth.StepValues[step.Index], false, random.Next(3) == 0 ? $"{step.SourceText} -> {step.Variable} = {truth.StepValues[step.Index]}" : $"{step.Variable} = {truth.StepValues[step.Index]}", 0));
        }

        for (var s = 0; s < slips && claims.Count > 2; s++)
        {
            var at = random.Next(claims.Count - 1);
            var claim = claims[at];
            switch (random.Next(9))
            {
                case 7:
                    // The trace stops early.
                    claims.RemoveRange(at + 1, claims.Count - at - 1);
                    break;
                case 0:
                    claims.RemoveAt(at);
                    break;
                case 1:
                    claims.Insert(at, claim with { Repeats = true });
                    break;
                case 2:
                    (claims[at], claims[at + 1]) = (claims[at + 1], claims[at]);
                    break;
                case 3:
                    claims[at] = claim with { Value = Value.FromInt64(claim.Value.Kind == ValueKind.Int64 ? claim.Value.AsInt64 + 1 : 1) };
                    break;
                case 4:
                    var other = truth.StepValues[program.Steps.Where(p => p.Variable == claim.Name).Select(p => p.Index).OrderBy(_ => random.Next()).First()];
                    claims[at] = claim with { Value = other };
                    break;
                case 5:
                    var held = claims.Take(at).LastOrDefault(c => c.Name == claim.Name);
                    claims[at] = claim with { Value = held.Name is null ? claim.Value : held.Value, Repeats = held.Name is not null };
                    break;
                case 6:
                    var first = program.Steps.FirstOrDefault(p => p.Variable == claim.Name && p.Expression is Constant);
                    var input = program.Parameters.Select((p, i) => (p.Name, i)).FirstOrDefault(p => p.Name == claim.Name);
                    var restated = first is not null ? truth.StepValues[first.Index] : input.Name is not null ? truth.Inputs[input.i] : claim.Value;
                    claims.Insert(at, (claim.Name, restated, true, $"{claim.Name} = {restated}", 0));
                    break;
                default:
                    for (var k = at; k < claims.Count; k++)
                    {
                        claims[k] = claims[k] with { Attempt = 1 };
                    }

                    break;
            }
        }

        return Parsed(claims);
    }

    private static ParsedTrace Parsed(List<(string? Name, Value Value, bool Repeats, string Text, int Attempt)> claims) =>
        new(
            claims.Select((c, i) => new ParsedClaim(i + 1, c.Attempt, c.Name, null, TraceAligner.ToParsed(c.Value), null, c.Text) { Repeats = c.Repeats }).ToEquatableArray(),
            EquatableArray<ParsedAnswer>.Empty,
            EquatableArray<ParseIssue>.Empty,
            claims.Count == 0 ? 0 : claims.Max(c => c.Attempt) + 1,
            claims.Count,
            false);
}
