namespace Faithful.Clients.Budget;

/// <summary>A request was not sent because the run's budget is spent.</summary>
public sealed class BudgetExhaustedException : Exception
{
    public BudgetExhaustedException()
    {
    }

    public BudgetExhaustedException(string message)
        : base(message)
    {
    }

    public BudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
