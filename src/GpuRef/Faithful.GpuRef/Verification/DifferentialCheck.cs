using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.Model;

namespace Faithful.GpuRef.Verification;

/// <summary>Compares a backend's raw results with the reference evaluator's traces, pair by pair.</summary>
public static class DifferentialCheck
{
    /// <summary>Null when the pair agrees with <paramref name="oracle"/>, else what differs.</summary>
    public static string? Compare(TraceBatchResult result, int pair, Trace oracle)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(oracle);
        var program = result.ProgramOf(pair);
        var kind = result.FaultKindOf(pair);
        if (kind != oracle.Fault?.Kind)
        {
            return Describe(program, oracle, $"fault {kind?.ToString() ?? "none"} but reference {oracle.Fault?.Kind.ToString() ?? "none"}");
        }

        if (kind is not null && result.FaultStepOf(pair) != oracle.Fault!.StepIndex)
        {
            return Describe(program, oracle, $"{kind} at step {result.FaultStepOf(pair)} but reference at {oracle.Fault.StepIndex}");
        }

        var row = result.RowOf(pair);
        var count = result.ComputedStepCount(pair);
        if (count != oracle.StepValues.Count)
        {
            return Describe(program, oracle, $"{count} step values but reference {oracle.StepValues.Count}");
        }

        for (var s = 0; s < count; s++)
        {
            var value = new Value(program.Steps[s].Kind, row[s]);
            if (!SameValueComparer.Instance.Equals(value, oracle.StepValues[s]))
            {
                return Describe(program, oracle, $"step {program.Steps[s].Name} = {value} (bits {row[s]:X16}) but reference {oracle.StepValues[s]} (bits {oracle.StepValues[s].Bits:X16})");
            }
        }

        if (oracle.Answer is { } answer)
        {
            var value = new Value(program.Result.Kind, row[program.Steps.Count]);
            if (!SameValueComparer.Instance.Equals(value, answer))
            {
                return Describe(program, oracle, $"answer {value} but reference {answer}");
            }
        }

        return null;
    }

    /// <summary>Null when the pair agrees with the counterfactual <paramref name="oracle"/> (state cells, continuation, fault, answer), else what differs.</summary>
    public static string? Compare(TraceBatchResult result, int pair, CounterfactualTrace oracle)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(oracle);
        var program = result.ProgramOf(pair);
        var asTrace = new Trace(program, oracle.Inputs, oracle.StepValues, oracle.Answer, oracle.Fault);
        return Compare(result, pair, asTrace) is { } difference
            ? $"from step {oracle.StartStep + 1}{(oracle.FromGivenState ? " (given state)" : "")} with {string.Join(", ", oracle.Overrides.Select(o => $"{program.SlotName(o.Slot)} = {o.Value}"))}: {difference}"
            : null;
    }

    private static string Describe(StepProgram program, Trace oracle, string difference) =>
        $"{program.Id}({string.Join(", ", oracle.Inputs)}): {difference}\n{string.Join("\n", program.Steps.Select(s => $"  {s.SourceText}"))}\n  return {program.ResultSourceText};";
}
