using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// Counterfactual pairs on hand-checked cases, on both backends. TestPrograms.Chain is
/// <c>s1 = a + b; s2 = s1 * a; s3 = s2 - s1; s4 = s3 / b; return s4;</c> (slots: a 0, b 1, s1 2, s2 3, s3 4, s4 5),
/// so (3, 4) runs 7, 21, 14, 3.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class CounterfactualApiTests(IlgpuCpuHostFixture fixture)
{
    private static readonly StepProgram Chain = TestPrograms.Chain();

    public static TheoryData<GpuRefBackend> Backends => [GpuRefBackend.Cpu, GpuRefBackend.IlgpuCpu];

    private static Value L(long value) => Value.FromInt64(value);

    private static SlotOverride Set(int slot, long value) => new(slot, L(value));

    private TraceBatchResult Run(GpuRefBackend backend, TraceBatch batch)
    {
        if (backend == GpuRefBackend.IlgpuCpu)
        {
            return fixture.Host.Evaluate(batch);
        }

        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = backend });
        return host.Evaluate(batch);
    }

    private static long[] Cells(TraceBatchResult result, int pair) => result.RowOf(pair)[..result.ComputedStepCount(pair)].ToArray();

    [Theory]
    [MemberData(nameof(Backends))]
    public void An_altered_step_changes_every_step_that_reads_it_and_the_answer(GpuRefBackend backend)
    {
        var batch = new TraceBatch();
        batch.AddCounterfactual(Chain, [L(3), L(4)], 2, [Set(3, 100)]);

        var result = Run(backend, batch);

        // s2 = 100 in the state before s3: s3 = 100 - 7 = 93, s4 = 93 / 4 = 23.
        Assert.Equal([7L, 100, 93, 23, 23], result.RowOf(0).ToArray());
        Assert.Null(result.FaultKindOf(0));
        var counterfactual = result.ToCounterfactual(0);
        Assert.Equal(L(23), counterfactual.Answer);
        Assert.Equal([L(93), L(23)], counterfactual.ContinuedStepValues);
        Assert.Equal(CounterfactualEvaluator.Evaluate(Chain, [L(3), L(4)], 2, [Set(3, 100)]), counterfactual);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_state_keeps_the_true_values_computed_before_it_so_an_early_slot_altered_late_may_change_nothing(GpuRefBackend backend)
    {
        var batch = new TraceBatch();
        batch.AddCounterfactual(Chain, [L(3), L(4)], 3, [Set(2, 1000)]);
        batch.AddCounterfactual(Chain, [L(3), L(4)], 3, [Set(1, 7)]);
        batch.AddCounterfactual(Chain, [L(3), L(4)], 3, [Set(1, 5000)]);

        var result = Run(backend, batch);

        // s4 = s3 / b reads neither s1 nor a: altering s1 after s2 and s3 ran leaves the answer alone (the trace was ignored)...
        Assert.Equal([1000L, 21, 14, 3, 3], result.RowOf(0).ToArray());
        // ...while b is read by s4: 14 / 7 = 2. An altered input is state, not input: 5000 is outside b's domain and still runs.
        Assert.Equal(L(2), result.ToCounterfactual(1).Answer);
        Assert.Equal(L(0), result.ToCounterfactual(2).Answer);
        Assert.Equal([L(3), L(7)], result.ToCounterfactual(1).StateInputs);
        Assert.Equal([L(3), L(4)], result.ToCounterfactual(1).Inputs);
        Assert.Equal(new Trace(Chain, new[] { L(3), L(7) }.ToEquatableArray(), new[] { L(7), L(21), L(14), L(2) }.ToEquatableArray(), L(2), null), result.ToCounterfactual(1).ToTrace());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Resuming_the_true_state_with_nothing_altered_gives_the_true_trace_at_every_step(GpuRefBackend backend)
    {
        var batch = new TraceBatch();
        var inputs = new[] { (3L, 4L), (3L, 0L), (long.MinValue, -1L) };
        foreach (var (a, b) in inputs)
        {
            for (var atStep = 0; atStep <= Chain.Steps.Count; atStep++)
            {
                batch.AddCounterfactual(Chain, [L(a), L(b)], atStep, []);
            }
        }

        var result = Run(backend, batch);

        var pair = 0;
        foreach (var (a, b) in inputs)
        {
            var truth = ReferenceEvaluator.Evaluate(Chain, a, b);
            for (var atStep = 0; atStep <= Chain.Steps.Count; atStep++, pair++)
            {
                var counterfactual = result.ToCounterfactual(pair);
                Assert.Equal(truth.StepValues, counterfactual.StepValues);
                Assert.Equal(truth.Answer, counterfactual.Answer);
                Assert.Equal(truth.Fault?.Kind, counterfactual.Fault?.Kind);
                Assert.Equal(truth.Fault?.StepIndex, counterfactual.Fault?.StepIndex);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_true_prefix_that_faults_before_the_state_is_reported_and_nothing_is_altered(GpuRefBackend backend)
    {
        var batch = new TraceBatch();
        batch.AddCounterfactual(Chain, [L(3), L(0)], 4, [Set(4, 1)]);
        batch.AddCounterfactual(Chain, [L(3), L(0)], 3, [Set(1, 2)]);
        batch.AddCounterfactual(TestPrograms.AbsThenDecrement(), [L(long.MinValue)], 1, [Set(1, 5)]);

        var result = Run(backend, batch);

        // 6 / 0 in s4, before the state after four steps: no state, the true fault.
        Assert.False(result.ReachedStart(0));
        Assert.Equal(FaultKind.DivideByZero, result.FaultKindOf(0));
        Assert.Equal(3, result.FaultStepOf(0));
        Assert.Equal([3L, 9, 6], Cells(result, 0));
        Assert.False(result.ToCounterfactual(0).ReachedStart);
        // Before s4 the state exists, and b = 2 avoids the fault: 6 / 2 = 3.
        Assert.True(result.ReachedStart(1));
        Assert.Equal(L(3), result.ToCounterfactual(1).Answer);
        // Math.Abs(long.MinValue) in the true prefix: the state with s1 = 5 never existed.
        Assert.Equal(FaultKind.Overflow, result.FaultKindOf(2));
        Assert.Equal(0, result.FaultStepOf(2));
        Assert.Equal(CounterfactualEvaluator.Evaluate(TestPrograms.AbsThenDecrement(), [L(long.MinValue)], 1, [Set(1, 5)]), result.ToCounterfactual(2));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_state_given_whole_runs_without_its_prefix(GpuRefBackend backend)
    {
        var batch = new TraceBatch();
        batch.AddFromState(TestPrograms.AbsThenDecrement(), [L(long.MinValue), L(5)]);
        batch.AddFromState(Chain, [L(3), L(0), L(1), L(2)]);
        batch.AddFromState(Chain, [L(3), L(4)]);
        batch.AddCounterfactual(Chain, [L(3), L(4)], 4, [Set(5, 42)]);

        var result = Run(backend, batch);

        // The prefix that would overflow is not run: s2 = 5 - 1.
        Assert.Equal([5L, 4, 4], result.RowOf(0).ToArray());
        Assert.True(result.Batch.IsFromGivenState(0));
        // s3 = 2 - 1 = 1, then 1 / 0.
        var faulted = result.ToCounterfactual(1);
        Assert.Equal(FaultKind.DivideByZero, faulted.Fault?.Kind);
        Assert.Equal(3, faulted.Fault?.StepIndex);
        Assert.Equal([L(1), L(2), L(1)], faulted.StepValues);
        Assert.Contains("from a given state before step 3", faulted.Fault!.Message, StringComparison.Ordinal);
        Assert.Equal(CounterfactualEvaluator.EvaluateFromState(Chain, [L(3), L(0), L(1), L(2)]), faulted);
        // A state of the inputs alone is a plain run; a state after every step leaves only the answer.
        Assert.Equal(ReferenceEvaluator.Evaluate(Chain, 3, 4).StepValues, result.ToCounterfactual(2).StepValues);
        Assert.Equal([7L, 21, 14, 42, 42], result.RowOf(3).ToArray());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Plain_and_counterfactual_pairs_mix_in_one_batch_and_stream_in_chunks(GpuRefBackend backend)
    {
        var batch = new TraceBatch();
        var random = new Random(5);
        var expected = new List<CounterfactualTrace>();
        for (var i = 0; i < 40; i++)
        {
            Value[] inputs = [L(random.Next(-50, 50)), L(random.Next(-3, 4))];
            var atStep = random.Next(Chain.Steps.Count + 1);
            SlotOverride[] overrides = i % 3 == 0 ? [] : [Set(random.Next(2 + atStep), random.Next(-9, 10))];
            if (i % 4 == 1)
            {
                batch.Add(Chain, inputs);
                expected.Add(CounterfactualEvaluator.Evaluate(Chain, inputs, 0, []));
            }
            else
            {
                batch.AddCounterfactual(Chain, inputs, atStep, overrides);
                expected.Add(CounterfactualEvaluator.Evaluate(Chain, inputs, atStep, overrides));
            }
        }

        using var cpu = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var host = backend == GpuRefBackend.IlgpuCpu ? fixture.Host : cpu;
        var whole = host.Evaluate(batch).ToCounterfactuals().ToList();
        var chunks = host.EvaluateInChunks(batch, maxPairsPerChunk: 7).ToList();

        Assert.Equal(expected, whole);
        Assert.Equal(expected, chunks.SelectMany(c => c.ToCounterfactuals()));
        Assert.Equal(ReferenceEvaluator.Evaluate(Chain, batch.InputsOf(1)), host.Evaluate(batch).ToTrace(1));
        var error = Assert.Throws<InvalidOperationException>(() => host.Evaluate(batch).ToTrace(0));
        Assert.Contains("ToCounterfactual", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Under_the_fault_policy_a_counterfactual_with_inputs_out_of_domain_never_reaches_its_state(GpuRefBackend backend)
    {
        var batch = new TraceBatch(OutOfDomainPolicy.Fault);
        batch.AddCounterfactual(Chain, [L(3), L(5000)], 2, [Set(3, 1)]);
        batch.AddCounterfactual(Chain, [L(3), L(4)], 2, [Set(1, 5000)]);

        var result = Run(backend, batch);

        Assert.Equal(FaultKind.InputOutOfDomain, result.FaultKindOf(0));
        Assert.False(result.ReachedStart(0));
        Assert.Equal(CounterfactualEvaluator.Evaluate(Chain, [L(3), L(5000)], 2, [Set(3, 1)]), result.ToCounterfactual(0));
        // The true inputs are in the domain; the altered b is state: 14 / 5000 = 0.
        Assert.Equal(L(0), result.ToCounterfactual(1).Answer);
        Assert.False(batch.IsOutOfDomain(1));
    }

    [Fact]
    public void Bad_counterfactuals_are_rejected_with_what_the_state_holds()
    {
        var batch = new TraceBatch();

        var tooFar = Assert.Throws<ArgumentOutOfRangeException>(() => batch.AddCounterfactual(Chain, [L(1), L(2)], 5, []));
        Assert.Contains("has 4 step(s)", tooFar.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.AddCounterfactual(Chain, [L(1), L(2)], -1, []));
        var notYet = Assert.Throws<ArgumentException>(() => batch.AddCounterfactual(Chain, [L(1), L(2)], 2, [Set(4, 1)]));
        Assert.Contains("slot 4 (s3) has not run yet", notYet.Message, StringComparison.Ordinal);
        Assert.Contains("slots 0..3", notYet.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => batch.AddCounterfactual(Chain, [L(1), L(2)], 2, [Set(2, 1), Set(2, 2)]));
        Assert.Contains("s1 (slot 2) is overridden twice", twice.Message, StringComparison.Ordinal);
        var kind = Assert.Throws<ArgumentException>(() => batch.AddCounterfactual(Chain, [L(1), L(2)], 2, [new SlotOverride(2, Value.FromDouble(1))]));
        Assert.Contains("s1 (slot 2) is long but a double was given", kind.Message, StringComparison.Ordinal);
        var lengths = Assert.Throws<ArgumentException>(() => batch.AddCounterfactualBits(batch.AddProgram(Chain), [1, 2], 1, [0, 1], [5]));
        Assert.Contains("2 override slot(s) but 1 value(s)", lengths.Message, StringComparison.Ordinal);
        var state = Assert.Throws<ArgumentException>(() => batch.AddFromState(Chain, [L(1), L(2), L(3), L(4), L(5), L(6), L(7)]));
        Assert.Contains("0 to 4 step value(s); 7 value(s) were given", state.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.AddCounterfactual(Chain, [L(1), L(5000)], 1, []));
        Assert.Equal(0, batch.PairCount);
        Assert.Throws<ArgumentException>(() => CounterfactualEvaluator.Evaluate(Chain, [L(1), L(2)], 2, [Set(4, 1)]));
        Assert.Throws<ArgumentException>(() => CounterfactualEvaluator.EvaluateFromState(Chain, [L(1)]));
    }

    [Fact]
    public void A_fault_after_the_state_names_the_alteration_in_its_message()
    {
        var counterfactual = CounterfactualEvaluator.Evaluate(Chain, [L(3), L(4)], 3, [Set(1, 0)]);

        Assert.Equal(FaultKind.DivideByZero, counterfactual.Fault?.Kind);
        Assert.Equal(3, counterfactual.Fault?.StepIndex);
        Assert.Equal("s4", counterfactual.Fault?.Location);
        Assert.Contains("division by zero in s4", counterfactual.Fault!.Message, StringComparison.Ordinal);
        Assert.Contains("from the state before step 4 with b = 0, inputs a = 3, b = 4", counterfactual.Fault.Message, StringComparison.Ordinal);
    }
}
