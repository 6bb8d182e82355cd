using System.Globalization;
using Faithful.Clients.Running;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation;
using Faithful.Traces.Simulation.Protocols;
using Microsoft.Extensions.AI;

namespace Faithful.Protocols;

/// <summary>
/// One multi-turn conversation with a model: each <see cref="AskAsync"/> sends every message so far plus the new
/// user message, through any <see cref="IChatClient"/>, and keeps the reply as the next assistant message. Requests
/// carry the case (for a simulated model) and the turn's <see cref="ProtocolTurn"/>; real providers get neither.
/// Every message is kept, bounded, as evidence; token counts add up across turns.
/// </summary>
public sealed class Conversation
{
    private readonly IChatClient _client;
    private readonly RunOptions _options;
    private readonly CaseRef _case;
    private readonly List<ChatMessage> _messages = [];
    private readonly List<ConversationTurn> _turns = [];
    private long _inputTokens;
    private long _outputTokens;
    private bool _anyUsage;

    internal Conversation(IChatClient client, RunOptions options, CaseRef @case)
    {
        _client = client;
        _options = options;
        _case = @case;
    }

    /// <summary>The messages sent and received so far, in order.</summary>
    public IReadOnlyList<ConversationTurn> Turns => _turns;

    /// <summary>How many replies the model has given.</summary>
    public int Replies { get; private set; }

    /// <summary>Tokens summed over every reply that reported usage, or null when none did.</summary>
    public TokenCounts? Tokens => _anyUsage ? new TokenCounts(_inputTokens, _outputTokens) : null;

    /// <summary>The messages of the last request: the conversation the last reply answered.</summary>
    public IReadOnlyList<ChatMessage> LastSent { get; private set; } = [];

    /// <summary>String properties of the last response (a simulated model's labels, "replayed", ...).</summary>
    public IReadOnlyDictionary<string, string>? LastMetadata { get; private set; }

    /// <summary>Adds a system message (before the first turn).</summary>
    public void System(string text) => Add(ChatRole.System, text);

    /// <summary>Adds an assistant message the model did not write (prior work a protocol puts in its mouth).</summary>
    public void Assistant(string text) => Add(ChatRole.Assistant, text);

    /// <summary>Adds a user message without asking for a reply yet (e.g. before prior work put in the model's mouth).</summary>
    public void User(string text) => Add(ChatRole.User, text);

    /// <summary>
    /// Sends the conversation as it is, ending with assistant text the model did not write, and returns the model's
    /// continuation of it (bounded). Providers that continue a final assistant message (prefill) carry on from that
    /// text; the conversation then holds the two as one assistant message, and the evidence keeps them apart.
    /// </summary>
    /// <exception cref="InvalidOperationException">The conversation does not end with an assistant message.</exception>
    public async Task<string> ContinueAsync(ProtocolTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (_messages.Count == 0 || _messages[^1].Role != ChatRole.Assistant)
        {
            throw new InvalidOperationException("ContinueAsync continues assistant text: add it with Assistant(...) first.");
        }

        var chatOptions = (turn with { ContinuesAssistant = true }).AttachTo(_case.AttachTo(_options.ChatOptionsFor(_case.Sample)));
        var response = await SendAsync(chatOptions, cancellationToken).ConfigureAwait(false);
        var reply = Received(response);
        _messages[^1] = new ChatMessage(ChatRole.Assistant, _messages[^1].Text + reply);
        _turns.Add(new ConversationTurn(ChatRole.Assistant.Value, Bounded(reply)));
        return reply;
    }

    /// <summary>Sends <paramref name="user"/> after the conversation so far and returns the reply (bounded).</summary>
    public async Task<string> AskAsync(string user, ProtocolTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(turn);
        Add(ChatRole.User, user);
        var chatOptions = turn.AttachTo(_case.AttachTo(_options.ChatOptionsFor(_case.Sample)));
        var response = await SendAsync(chatOptions, cancellationToken).ConfigureAwait(false);
        var reply = Received(response);
        Add(ChatRole.Assistant, reply);
        return reply;
    }

    // The reply's text (bounded), with its usage and metadata counted.
    private string Received(ChatResponse response)
    {
        var reply = response.Text ?? "";
        if (reply.Length > _options.MaxReplyChars)
        {
            reply = reply[.._options.MaxReplyChars];
        }

        if (response.Usage is { } usage)
        {
            _anyUsage = true;
            _inputTokens += usage.InputTokenCount ?? 0;
            _outputTokens += usage.OutputTokenCount ?? 0;
        }

        LastMetadata = Metadata(response);
        Replies++;
        return reply;
    }

    private string Bounded(string text) => text.Length <= _options.MaxReplyChars ? text : text[.._options.MaxReplyChars];

    /// <summary>The assistant messages joined with turn markers, as a result's reply text.</summary>
    public string Transcript()
    {
        var replies = _turns.Where(t => t.Role == ChatRole.Assistant.Value).Select(t => t.Text).ToList();
        if (replies.Count <= 1)
        {
            return replies.FirstOrDefault() ?? "";
        }

        return string.Join("\n", replies.Select((text, i) => string.Create(CultureInfo.InvariantCulture, $"[turn {i + 1}]\n{text.TrimEnd('\n')}"))) + "\n";
    }

    private void Add(ChatRole role, string text)
    {
        _messages.Add(new ChatMessage(role, text));
        _turns.Add(new ConversationTurn(role.Value, Bounded(text)));
    }

    private async Task<ChatResponse> SendAsync(ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        // A copy: the client may hold on to the list while this conversation goes on.
        var messages = _messages.ToList();
        LastSent = messages;
        if (!_options.Streaming)
        {
            return await _client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    private static Dictionary<string, string>? Metadata(ChatResponse response)
    {
        if (response.AdditionalProperties is not { Count: > 0 } properties)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (value is string or bool or int or long or double)
            {
                metadata[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        return metadata.Count == 0 ? null : metadata;
    }
}
