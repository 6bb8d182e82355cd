using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Budget;

/// <summary>Refuses new requests once the budget is spent and charges each live reply's token usage to it.</summary>
public sealed class BudgetChatClient(IChatClient inner, string model, RunBudget budget) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfExhausted();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Charge(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfExhausted();
        var usage = new UsageDetails();
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage.Add(content.Details);
            }

            yield return update;
        }

        Charge(usage);
    }

    private void ThrowIfExhausted()
    {
        if (budget.ExhaustedReason is { } reason)
        {
            throw new BudgetExhaustedException($"Not sent: {reason}.");
        }
    }

    private void Charge(UsageDetails? usage)
    {
        if (usage is not null)
        {
            budget.Charge(model, usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);
        }
    }
}
