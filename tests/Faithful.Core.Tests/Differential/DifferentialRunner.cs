using System.Collections.Concurrent;
using System.Globalization;
using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Differential;

/// <summary>What a differential run found.</summary>
public sealed record DifferentialReport(
    long Cases,
    long Completed,
    IReadOnlyDictionary<FaultKind, long> FaultsByKind,
    long MismatchCount,
    IReadOnlyList<string> FirstMismatches,
    IReadOnlyDictionary<string, long> FaultsByCause)
{
    public long Faulted => Cases - Completed;

    public override string ToString() =>
        $"{Cases} cases, {Completed} completed, faults: {string.Join(", ", FaultsByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))} ({string.Join(", ", FaultsByCause.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value}"))}); {MismatchCount} mismatches"
        + (FirstMismatches.Count == 0 ? "" : "\n" + string.Join("\n", FirstMismatches));
}

/// <summary>
/// Runs the <see cref="ReferenceEvaluator"/> and the compiled C# on the same cases and compares them step by step, bit for bit.
/// The compiled side's fault is derived as C# behaves: the exception it threw and the steps done before it; for a program that
/// does not allow non-finite doubles, the first NaN or infinite double step (or answer) before that is the fault instead.
/// </summary>
public static class DifferentialRunner
{
    private const int MismatchesKept = 10;

    /// <summary>Fault causes told apart by the evaluator's message, to show which corner cases a run exercised.</summary>
    public static string CauseOf(Fault fault) => fault.Kind switch
    {
        FaultKind.Overflow when fault.Message.Contains("Math.Abs(long.MinValue)", StringComparison.Ordinal) => "Math.Abs(long.MinValue)",
        FaultKind.Overflow when fault.Message.Contains("-9223372036854775808 / -1", StringComparison.Ordinal) => "long.MinValue / -1",
        FaultKind.Overflow when fault.Message.Contains("-9223372036854775808 % -1", StringComparison.Ordinal) => "long.MinValue % -1",
        FaultKind.Overflow when fault.Message.Contains("checked context", StringComparison.Ordinal) => "checked arithmetic",
        FaultKind.Overflow when fault.Message.Contains("out of range", StringComparison.Ordinal) => "checked conversion",
        FaultKind.Overflow => "checked negation",
        FaultKind.NotFinite when fault.Message.Contains("NaN", StringComparison.Ordinal) => "NaN",
        FaultKind.NotFinite => "infinity",
        _ => fault.Kind.ToString(),
    };

    /// <param name="inputs">Inputs of case <c>c</c> of program <c>p</c>.</param>
    public static DifferentialReport Run(CompiledBatch batch, int casesPerProgram, Func<StepProgram, int, int, Value[]> inputs, bool parallel = false)
    {
        var faults = new ConcurrentDictionary<FaultKind, long>();
        var causes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var mismatches = new ConcurrentQueue<string>();
        long completed = 0;
        long mismatchCount = 0;

        void RunProgram(int p)
        {
            var program = batch.Programs[p];
            var io = new long[batch.IoLength(p)];
            long localCompleted = 0;
            for (var c = 0; c < casesPerProgram; c++)
            {
                var caseInputs = inputs(program, p, c);
                var trace = ReferenceEvaluator.Evaluate(program, caseInputs);
                var problem = Check(batch, p, caseInputs, trace, io);
                if (problem is not null)
                {
                    if (Interlocked.Increment(ref mismatchCount) <= MismatchesKept)
                    {
                        mismatches.Enqueue(problem);
                    }
                }

                if (trace.Fault is { } fault)
                {
                    faults.AddOrUpdate(fault.Kind, 1, (_, n) => n + 1);
                    causes.AddOrUpdate(CauseOf(fault), 1, (_, n) => n + 1);
                }
                else
                {
                    localCompleted++;
                }
            }

            Interlocked.Add(ref completed, localCompleted);
        }

        if (parallel)
        {
            Parallel.For(0, batch.Programs.Count, RunProgram);
        }
        else
        {
            for (var p = 0; p < batch.Programs.Count; p++)
            {
                RunProgram(p);
            }
        }

        return new DifferentialReport((long)batch.Programs.Count * casesPerProgram, completed, faults, mismatchCount, [.. mismatches], causes);
    }

    /// <summary>Null when the evaluator's trace equals the compiled run; else a description of the first difference.</summary>
    public static string? Check(CompiledBatch batch, int index, Value[] inputs, Trace trace, long[] io)
    {
        var program = batch.Programs[index];
        var parameterCount = program.Parameters.Count;
        var stepCount = program.Steps.Count;
        Array.Clear(io);
        for (var i = 0; i < inputs.Length; i++)
        {
            io[i] = inputs[i].Bits;
        }

        var code = batch.RunInstrumented(index, io);
        var done = code == -1 ? stepCount : code >> 2;
        FaultKind? kind = code == -1 ? null : (code & 3) == 1 ? FaultKind.DivideByZero : FaultKind.Overflow;
        var faultStep = code == -1 ? -1 : done;
        var valueCount = done;
        if (!program.AllowNonFinite)
        {
            for (var s = 0; s < done; s++)
            {
                if (program.Steps[s].Kind == ValueKind.Double && !double.IsFinite(BitConverter.Int64BitsToDouble(io[parameterCount + s])))
                {
                    (kind, faultStep, valueCount) = (FaultKind.NotFinite, s, s + 1);
                    break;
                }
            }

            if (kind is null && program.Result.Kind == ValueKind.Double && !double.IsFinite(BitConverter.Int64BitsToDouble(io[program.SlotCount])))
            {
                (kind, faultStep) = (FaultKind.NotFinite, stepCount);
            }
        }

        var where = $"{program.Name} inputs ({string.Join(", ", inputs.Select(v => v.ToString()))})";
        if (trace.Fault?.Kind != kind || (kind is not null && trace.Fault!.StepIndex != faultStep))
        {
            return $"{where}: evaluator {Describe(trace.Fault)}, compiled {(kind is null ? "no fault" : $"{kind} at step {faultStep}")}";
        }

        if (trace.StepValues.Count != valueCount)
        {
            return $"{where}: evaluator has {trace.StepValues.Count} step values, compiled {valueCount}";
        }

        for (var s = 0; s < valueCount; s++)
        {
            var expected = new Value(program.Steps[s].Kind, io[parameterCount + s]);
            if (!Same(trace.StepValues[s], expected))
            {
                return $"{where}: step {program.Steps[s].Name} `{program.Steps[s].SourceText}` evaluator {trace.StepValues[s]} (0x{trace.StepValues[s].Bits:X16}), compiled {expected} (0x{expected.Bits:X16})";
            }
        }

        var compiledAnswer = new Value(program.Result.Kind, io[program.SlotCount]);
        if (kind is null && !(trace.Answer is { } answer && Same(answer, compiledAnswer)))
        {
            return $"{where}: answer `{program.ResultSourceText}` evaluator {trace.Answer}, compiled {compiledAnswer}";
        }

        return CheckOriginal(batch, index, io, code, where);
    }

    /// <summary>
    /// Bit-exact, except that any NaN equals any NaN: .NET does not keep NaN sign and payload bits stable (the JIT folds
    /// <c>-(x / k)</c> into <c>x / -k</c>, and <c>Math.Min/Max</c> of two NaNs returns either), so no oracle can match them.
    /// </summary>
    public static bool Same(Value x, Value y) => x == y || BothNaN(x, y);

    private static bool BothNaN(Value x, Value y) =>
        x.Kind == ValueKind.Double && y.Kind == ValueKind.Double && double.IsNaN(x.AsDouble) && double.IsNaN(y.AsDouble);

    /// <summary>The uninstrumented method must return (or throw) what the instrumented one did.</summary>
    private static string? CheckOriginal(CompiledBatch batch, int index, long[] io, int code, string where)
    {
        var program = batch.Programs[index];
        var answerBits = io[program.SlotCount];
        try
        {
            var bits = batch.RunOriginal(index, io);
            var same = Same(new Value(program.Result.Kind, bits), new Value(program.Result.Kind, answerBits));
            return code == -1 && same ? null : $"{where}: the plain method returned 0x{bits:X16}, instrumented code {code.ToString(CultureInfo.InvariantCulture)} answer 0x{answerBits:X16}";
        }
        catch (DivideByZeroException)
        {
            return code != -1 && (code & 3) == 1 ? null : $"{where}: the plain method threw DivideByZeroException, instrumented code {code}";
        }
        catch (OverflowException)
        {
            return code != -1 && (code & 3) == 2 ? null : $"{where}: the plain method threw OverflowException, instrumented code {code}";
        }
    }

    private static string Describe(Fault? fault) => fault is null ? "no fault" : $"{fault.Kind} at step {fault.StepIndex}";
}
