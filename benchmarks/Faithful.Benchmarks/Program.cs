using System.Reflection;

namespace Faithful.Benchmarks;

/// <summary>One named benchmark; each prints its own figures, measured in one run, as ratios where it compares.</summary>
public interface IBench
{
    string Name { get; }

    string Description { get; }

    int Run(string[] args);
}

public static class Program
{
    public static int Main(string[] args)
    {
        var benches = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => (IBench)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

        if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
        {
            Console.WriteLine("usage: dotnet run -c Release --project benchmarks/Faithful.Benchmarks -- <bench> [options]");
            foreach (var bench in benches)
            {
                Console.WriteLine($"  {bench.Name,-14} {bench.Description}");
            }

            return args.Length == 0 ? 1 : 0;
        }

        var chosen = benches.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            Console.Error.WriteLine($"error: no benchmark named '{args[0]}'. Run with 'list' to see them.");
            return 2;
        }

        return chosen.Run(args[1..]);
    }
}
