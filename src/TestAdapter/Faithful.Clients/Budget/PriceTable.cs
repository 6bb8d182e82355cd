namespace Faithful.Clients.Budget;

/// <summary>Price of one model, in any currency unit, per million input and output tokens.</summary>
public sealed record TokenPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    public decimal CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}

/// <summary>Prices by model string (<c>openai:gpt-4o-mini</c>); a budget with a cost limit needs the run's model here.</summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, TokenPrice> prices = new(StringComparer.OrdinalIgnoreCase);

    public PriceTable Add(string model, TokenPrice price)
    {
        prices[model] = price;
        return this;
    }

    public TokenPrice? Find(string model) => prices.TryGetValue(model, out var price) ? price : null;
}
