using System.Text;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Protocols.PlanExecute;
using Faithful.Protocols.Prompts;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>plan-execute</c> (tool offload, ReWOO-style): the model writes the computation as C# statements over the inputs
/// without evaluating anything; Faithful reads the plan, checks it against the program (same dependency structure,
/// same computation) and executes it. The answer is the executed plan's, and the verdict judges the executed plan's
/// values. The finding it tests: "knows the procedure" against "can carry it out inline" (the execution-bandwidth claim).
/// </summary>
public sealed class PlanExecuteProtocol : IProtocol
{
    public const string PromptVersion = "v1";

    public string Name => ProtocolNames.PlanExecute;

    public string Description => $"{Name}/{PromptVersion}";

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case) => [Name];

    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var program = context.Program;
        var conversation = context.Open();
        var reply = await conversation.AskAsync(Prompt(context), new ProtocolTurn(Name, TurnTask.Plan, 0, 0, program.Steps.Count, false), cancellationToken).ConfigureAwait(false);
        var read = PlanReader.Read(reply, program);
        PlanEvidence plan;
        Trace? executed = null;
        if (read.Program is not { } planned)
        {
            plan = new PlanEvidence(read.Statements, false, false, null, [], read.Problem);
        }
        else
        {
            var (structure, computation, mismatches) = PlanComparison.Compare(program, planned);
            var problem = (string?)null;
            try
            {
                executed = ReferenceEvaluator.Evaluate(planned, context.Case.Inputs);
                problem = executed.Fault is { } fault ? $"the plan faults when executed: {fault}" : null;
            }
            catch (ArgumentException e)
            {
                problem = "the plan cannot be executed: " + e.Message;
            }

            plan = new PlanEvidence(read.Statements, structure, computation, executed?.Answer, mismatches, problem);
        }

        var verdict = CaseScorer.Score(context.Truth, TraceParser.Parse(ExecutedTrace(executed), program));
        var evidence = new ProtocolEvidence(conversation.Turns) { Plan = plan };
        return [new ProtocolOutcome(Name, reply, verdict, evidence) { Tokens = conversation.Tokens, Metadata = conversation.LastMetadata }];
    }

    private static string Prompt(ProtocolContext context)
    {
        var procedure = ProtocolPrompts.Procedure("Here is a procedure. Do not execute it yourself: write it as C# statements that a computer will run for you.", context.Program, context.Case.Inputs);
        return procedure + "\n\n"
            + "Write one C# statement per step, in order, assigning the same variable as the step (for example `s3 = s2 - s1;`), "
            + "using only the inputs, variables assigned by earlier statements and literals. Then write `return <expression>;`. "
            + "Do not compute any value.";
    }

    // The executed plan as a reply: its values under its own variable names, then its answer.
    private static string ExecutedTrace(Trace? executed)
    {
        if (executed is null)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < executed.StepValues.Count; i++)
        {
            text.Append(executed.Program.Steps[i].Variable).Append(" = ").Append(executed.StepValues[i]).Append('\n');
        }

        if (executed.Answer is { } answer)
        {
            text.Append("Final answer: ").Append(answer).Append('\n');
        }

        return text.ToString();
    }
}
