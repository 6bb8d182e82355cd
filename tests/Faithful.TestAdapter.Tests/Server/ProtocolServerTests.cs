using System.Text.RegularExpressions;
using Faithful.Clients.Connections;
using Faithful.Clients.Resilience;
using Faithful.Clients.Running;
using Faithful.Model;
using Faithful.Protocols;
using Faithful.Traces.Scoring;

namespace Faithful.TestAdapter.Tests.Server;

/// <summary>
/// Multi-turn protocols end to end through the OpenAI SDK against a real HTTP server on 127.0.0.1: the messages each
/// request carries (the whole conversation so far, the tool's checkpoint or the next revealed steps), and the verdict
/// and evidence built from the replies.
/// </summary>
public sealed partial class ProtocolServerTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-protocols-0123456789";

    // Chain: s1 = a + b; s2 = s1 * a; s3 = s2 - s1; s4 = s3 + b. On a = 3, b = -7: -4, -12, -8, -15.
    private static readonly FaithfulCase Case = new(TestPrograms.Chain, new[] { Value.FromInt64(3), Value.FromInt64(-7) }.ToEquatableArray());

    private FakeOpenAIServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        server.ExpectedApiKey = ApiKey;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Checkpointed_sends_the_conversation_with_the_tools_correction_and_continues_from_the_true_state()
    {
        // The model gets s2 wrong in the first stretch, then continues from the values the checkpoint gives it.
        server.Reply = user => StepRange(user) switch
        {
            (1, 2) => "s1 = -4\ns2 = -11",
            (3, 4) => "s3 = -8\ns4 = -15\nFinal answer: -15",
            _ => "I was not asked for these steps.",
        };

        var result = Assert.Single(await RunAsync(new CheckpointedProtocol(new ProtocolSettings { Every = 2 })));

        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var first = Assert.Single(requests[0].Messages);
        Assert.Equal("user", first.Role);
        Assert.Contains("Inputs:\na = 3\nb = -7", first.Content, StringComparison.Ordinal);
        Assert.Contains("Steps:\n1. s1 = a + b\n2. s2 = s1 * a\n3. s3 = s2 - s1\n4. s4 = s3 + b\nReturn: s4", first.Content, StringComparison.Ordinal);
        Assert.Contains("Execute steps 1 to 2 now.", first.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Final answer: <value>", first.Content, StringComparison.Ordinal);

        Assert.Equal(["user", "assistant", "user"], requests[1].Messages.Select(m => m.Role));
        Assert.Equal(first.Content, requests[1].Messages[0].Content);
        Assert.Equal("s1 = -4\ns2 = -11", requests[1].Messages[1].Content);
        var correction = requests[1].Messages[2].Content;
        Assert.StartsWith("Checkpoint after step 2: some values are wrong or missing. The correct values are:\ns2 = -12 (step 2)\nContinue from these values.\n\nExecute steps 3 to 4 now.", correction, StringComparison.Ordinal);
        Assert.EndsWith("Final answer: <value>", correction, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.DoesNotContain("faithful.", r.Body, StringComparison.Ordinal));

        Assert.Equal("checkpointed", result.Protocol);
        Assert.NotNull(result.Verdict);
        Assert.True(result.Verdict.FirstAnswerCorrect);
        Assert.Equal([StepVerdict.Correct, StepVerdict.ExecutionError, StepVerdict.Correct, StepVerdict.Correct], result.Verdict.Steps.Select(s => s.Verdict));
        var checkpoints = result.Evidence?.Checkpoints;
        Assert.NotNull(checkpoints);
        Assert.Equal([[1], []], checkpoints.Checkpoints.Select(c => c.WrongSteps.ToArray()));
        Assert.Equal(1, checkpoints.Corrections);
        Assert.Equal(1, checkpoints.UnaidedSteps);
        Assert.False(checkpoints.Stopped);
        Assert.Equal(["user", "assistant", "user", "assistant"], result.Evidence!.Turns.Select(t => t.Role));
        Assert.NotNull(result.Tokens);
    }

    [Fact]
    public async Task Checkpointed_with_on_error_stop_ends_the_conversation_at_the_first_failed_check()
    {
        server.Reply = user => StepRange(user) == (1, 2) ? "s1 = -4\ns2 = -11" : "s3 = -8\ns4 = -15\nFinal answer: -15";

        var result = Assert.Single(await RunAsync(new CheckpointedProtocol(new ProtocolSettings { Every = 2, OnError = CheckpointFailure.Stop })));

        Assert.Single(server.Requests);
        Assert.True(result.Evidence!.Checkpoints!.Stopped);
        Assert.False(result.Verdict!.FirstAnswerCorrect);
        Assert.Equal(FailureMode.MissingAnswer, result.Verdict.PrimaryMode);
    }

    [Fact]
    public async Task Gradual_reveals_the_steps_turn_by_turn_and_the_model_carries_its_own_values()
    {
        // The model slips at s1 and computes everything after from its own value.
        server.Reply = user => StepRange(user) switch
        {
            (1, 2) => "s1 = -3\ns2 = -9",
            (3, 4) => "s3 = -6\ns4 = -13\nFinal answer: -13",
            _ => "I was not asked for these steps.",
        };

        var result = Assert.Single(await RunAsync(new GradualProtocol(new ProtocolSettings { Reveal = 2 })));

        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var first = Assert.Single(requests[0].Messages).Content;
        Assert.Contains("Inputs:\na = 3\nb = -7", first, StringComparison.Ordinal);
        Assert.Contains("Steps 1 to 2:\n1. s1 = a + b\n2. s2 = s1 * a\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Return:", first, StringComparison.Ordinal);

        Assert.Equal(["user", "assistant", "user"], requests[1].Messages.Select(m => m.Role));
        Assert.Equal("s1 = -3\ns2 = -9", requests[1].Messages[1].Content);
        var second = requests[1].Messages[2].Content;
        Assert.StartsWith("Steps 3 to 4 (the last):\n3. s3 = s2 - s1\n4. s4 = s3 + b\nReturn: s4\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Inputs:", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Checkpoint", second, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.DoesNotContain("faithful.", r.Body, StringComparison.Ordinal));

        Assert.Equal("gradual", result.Protocol);
        Assert.False(result.Verdict!.FirstAnswerCorrect);
        Assert.Equal(FailureMode.ArithmeticError, result.Verdict.PrimaryMode);
        Assert.Equal([StepVerdict.ExecutionError, StepVerdict.PropagatedError, StepVerdict.PropagatedError, StepVerdict.PropagatedError], result.Verdict.Steps.Select(s => s.Verdict));
        var gradual = result.Evidence?.Gradual;
        Assert.NotNull(gradual);
        Assert.Equal(2, gradual.TurnCount);
        Assert.Equal(0, gradual.FirstWrongTurn);
        Assert.Equal(0, gradual.FirstWrongStep);
        Assert.Contains("[turn 2]\ns3 = -6", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_fails_midway_keeps_the_turns_it_had()
    {
        server.Reply = _ => "s1 = -4\ns2 = -12";
        server.Script.Enqueue(Behavior.Answer);
        for (var i = 0; i < 5; i++)
        {
            server.Script.Enqueue(Behavior.ServerError);
        }

        var result = Assert.Single(await RunAsync(new CheckpointedProtocol(new ProtocolSettings { Every = 2 }), maxRetries: 1));

        Assert.Null(result.Verdict);
        Assert.StartsWith("request failed:", result.Error, StringComparison.Ordinal);
        Assert.Equal("checkpointed", result.Protocol);
        Assert.Equal(["user", "assistant", "user"], result.Evidence!.Turns.Select(t => t.Role));
    }

    private async Task<IReadOnlyList<Traces.Results.CaseResult>> RunAsync(IProtocol protocol, int maxRetries = 2)
    {
        using var connection = ModelClients.Connect("openai:test-model", new ClientOptions
        {
            Endpoint = server.Endpoint,
            Secrets = SecretSource.FromValues([new("OPENAI_API_KEY", ApiKey)]),
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), MaxRetries = maxRetries },
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
        var runner = new ProtocolRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware);
        return await runner.RunOneAsync(Case, protocol, TestContext.Current.CancellationToken);
    }

    /// <summary>The steps a turn asks for: "Execute steps 3 to 4" or "Steps 3 to 4".</summary>
    private static (int From, int To) StepRange(string user)
    {
        var matches = RangePattern().Matches(user);
        if (matches.Count == 0)
        {
            return (0, 0);
        }

        var last = matches[^1];
        return (int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(last.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"[Ss]teps (\d+) to (\d+)")]
    private static partial Regex RangePattern();
}
