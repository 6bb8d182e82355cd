using System.Text;
using Faithful.Model;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Tests.Simulation;

public sealed class SimulatedChatClientTests
{
    private static readonly ProgramCatalog Catalog = new([Programs.Chain(), Programs.Registers()]);
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Execute the procedure step by step.")];

    private static CaseRef ChainCase(int sample) => CaseRef.For(Programs.Chain(), [Value.FromInt64(3), Value.FromInt64(4)], sample);

    [Fact]
    public async Task Same_case_and_sample_give_the_same_reply_and_other_samples_vary()
    {
        using var client = new SimulatedChatClient(Catalog, SimulationProfile.AlwaysFailing, seed: 5);
        using var twin = new SimulatedChatClient(Catalog, SimulationProfile.AlwaysFailing, seed: 5);

        var first = await client.GetResponseAsync(Prompt, ChainCase(3).AttachTo(), TestContext.Current.CancellationToken);
        var again = await twin.GetResponseAsync(Prompt, ChainCase(3).AttachTo(), TestContext.Current.CancellationToken);
        var replies = new HashSet<string>();
        for (var sample = 0; sample < 20; sample++)
        {
            replies.Add((await client.GetResponseAsync(Prompt, ChainCase(sample).AttachTo(), TestContext.Current.CancellationToken)).Text);
        }

        Assert.Equal(first.Text, again.Text);
        Assert.True(replies.Count > 5, $"only {replies.Count} distinct replies over 20 samples");
    }

    [Fact]
    public async Task Reply_carries_the_injected_label_which_the_scorer_recovers()
    {
        using var client = new SimulatedChatClient(Catalog, SimulationProfile.AlwaysFailing, seed: 1);
        var agreed = 0;
        for (var sample = 0; sample < 40; sample++)
        {
            var response = await client.GetResponseAsync(Prompt, ChainCase(sample).AttachTo(), TestContext.Current.CancellationToken);

            var injected = Enum.Parse<FailureMode>((string)response.AdditionalProperties![SimulatedChatClient.InjectedModeKey]!);
            var verdict = CaseScorer.Score(Programs.Chain(), [Value.FromInt64(3), Value.FromInt64(4)], response.Text);
            agreed += verdict.PrimaryMode == injected ? 1 : 0;
            Assert.Equal("sim:failing", response.ModelId);
            Assert.True(response.Usage?.OutputTokenCount > 0);
        }

        Assert.Equal(40, client.Log.Count);
        Assert.True(agreed >= 38, $"scorer agreed with the injected label on {agreed}/40 replies");
    }

    [Fact]
    public async Task Streaming_yields_the_same_text_and_the_label_at_the_end()
    {
        using var client = new SimulatedChatClient(Catalog, SimulationProfile.Study, seed: 9);
        var options = CaseRef.For(Programs.Registers(), new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64).ToArray(), 2).AttachTo();

        var whole = await client.GetResponseAsync(Prompt, options, TestContext.Current.CancellationToken);
        var text = new StringBuilder();
        var updates = 0;
        ChatResponseUpdate? last = null;
        await foreach (var update in client.GetStreamingResponseAsync(Prompt, options, TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
            updates++;
            last = update;
        }

        Assert.Equal(whole.Text, text.ToString());
        Assert.True(updates > 2);
        Assert.Equal(whole.AdditionalProperties![SimulatedChatClient.InjectedModeKey], last!.AdditionalProperties![SimulatedChatClient.InjectedModeKey]);
        Assert.Contains(last.Contents, c => c is UsageContent);
    }

    [Fact]
    public async Task Register_programs_are_answered_in_the_variable_named_style()
    {
        using var client = new SimulatedChatClient(Catalog, SimulationProfile.Perfect);
        var options = CaseRef.For(Programs.Registers(), new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64).ToArray()).AttachTo();

        var response = await client.GetResponseAsync(Prompt, options, TestContext.Current.CancellationToken);

        Assert.Contains("a3 = ", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("a3#", response.Text, StringComparison.Ordinal);
        var verdict = CaseScorer.Score(Programs.Registers(), new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64).ToArray(), response.Text);
        Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
    }

    [Fact]
    public async Task A_request_without_a_case_fails_with_what_to_do()
    {
        using var client = new SimulatedChatClient(Catalog);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync(Prompt, new ChatOptions(), TestContext.Current.CancellationToken));

        Assert.Contains(CaseRef.PropertyKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("AttachTo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_for_an_unknown_program_names_the_program()
    {
        using var client = new SimulatedChatClient(Catalog);
        var options = new CaseRef("Nowhere.Missing", EquatableArray<Value>.Empty).AttachTo();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync(Prompt, options, TestContext.Current.CancellationToken));

        Assert.Contains("Nowhere.Missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_describes_itself_through_GetService()
    {
        using var client = new SimulatedChatClient(Catalog, SimulationProfile.Study.Regressed());

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal("sim:study-regressed", metadata?.DefaultModelId);
        Assert.Same(client, client.GetService<SimulatedChatClient>());
    }
}
