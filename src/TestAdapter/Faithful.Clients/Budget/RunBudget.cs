namespace Faithful.Clients.Budget;

/// <summary>
/// Token and cost limits for one run, shared by all its requests. Usage is charged after each live reply;
/// once a limit is reached, no new request starts (requests already in flight finish and are kept).
/// </summary>
public sealed class RunBudget
{
    private readonly Lock gate = new();
    private long inputTokens;
    private long outputTokens;
    private decimal cost;

    /// <param name="maxTokens">Limit on input + output tokens, or null.</param>
    /// <param name="maxCost">Limit on cost, or null; needs <paramref name="prices"/> with the run's model.</param>
    public RunBudget(long? maxTokens = null, decimal? maxCost = null, PriceTable? prices = null)
    {
        if (maxCost is not null && prices is null)
        {
            throw new ArgumentException("A cost limit needs a price table (price per million input and output tokens for the run's model).", nameof(prices));
        }

        MaxTokens = maxTokens;
        MaxCost = maxCost;
        Prices = prices;
    }

    public long? MaxTokens { get; }

    public decimal? MaxCost { get; }

    public PriceTable? Prices { get; }

    public long InputTokens
    {
        get
        {
            lock (gate)
            {
                return inputTokens;
            }
        }
    }

    public long OutputTokens
    {
        get
        {
            lock (gate)
            {
                return outputTokens;
            }
        }
    }

    public decimal Cost
    {
        get
        {
            lock (gate)
            {
                return cost;
            }
        }
    }

    /// <summary>Why no further request may start, or null while there is budget left.</summary>
    public string? ExhaustedReason
    {
        get
        {
            lock (gate)
            {
                if (MaxTokens is { } maxTokens && inputTokens + outputTokens >= maxTokens)
                {
                    return $"token budget exhausted: {inputTokens + outputTokens} of {maxTokens} tokens used";
                }

                if (MaxCost is { } maxCost && cost >= maxCost)
                {
                    return $"cost budget exhausted: {cost:0.####} of {maxCost:0.####} spent";
                }

                return null;
            }
        }
    }

    public bool IsExhausted => ExhaustedReason is not null;

    public void Charge(string model, long input, long output)
    {
        var price = Prices?.Find(model);
        if (MaxCost is not null && price is null)
        {
            throw new InvalidOperationException($"The budget has a cost limit but the price table has no price for {model}. Add it with PriceTable.Add(\"{model}\", new TokenPrice(...)).");
        }

        lock (gate)
        {
            inputTokens += input;
            outputTokens += output;
            cost += price?.CostOf(input, output) ?? 0m;
        }
    }
}
