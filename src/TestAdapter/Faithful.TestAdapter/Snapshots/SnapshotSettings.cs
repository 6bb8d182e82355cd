using System.Collections.Concurrent;

namespace Faithful.Testing;

/// <summary>
/// Snapshot settings at three levels, as in Verify: <see cref="Global"/> (module: set in a <c>[ModuleInitializer]</c>),
/// <see cref="ForClass{T}"/> (one test class), and an instance passed to a single call. Scrubbers run call level first,
/// then class, then module.
/// </summary>
public sealed class SnapshotSettings
{
    private static readonly ConcurrentDictionary<Type, SnapshotSettings> ClassLevel = new();

    /// <summary>Module-level settings; starts with <see cref="Scrubbers.Defaults"/>.</summary>
    public static SnapshotSettings Global { get; } = new() { ScrubbersList = [.. Faithful.Testing.Scrubbers.Defaults] };

    /// <summary>Settings for the tests of class <typeparamref name="T"/>.</summary>
    public static SnapshotSettings ForClass<T>() => ForClass(typeof(T));

    public static SnapshotSettings ForClass(Type testClass) => ClassLevel.GetOrAdd(testClass, _ => new SnapshotSettings());

    internal static SnapshotSettings? FindClass(Type? testClass) => testClass is not null && ClassLevel.TryGetValue(testClass, out var settings) ? settings : null;

    private List<Scrubber> ScrubbersList { get; init; } = [];

    public IReadOnlyList<Scrubber> Scrubbers => ScrubbersList;

    /// <summary>Replaces the file-name suffix after <c>{Class}.{Method}_</c> (by default the case's program and inputs).</summary>
    public string? Name { get; set; }

    /// <summary>Folder of the snapshot files; by default the folder of the test's source file.</summary>
    public string? Directory { get; set; }

    /// <summary>Whether a mismatch opens a diff tool (never in CI; see <see cref="BuildServer"/>). Null inherits.</summary>
    public bool? LaunchDiffTool { get; set; }

    /// <summary>Reads environment variables (CI detection, auto-accept); replaceable so tests can play a build server.</summary>
    public Func<string, string?>? Environment { get; set; }

    public SnapshotSettings AddScrubber(Scrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        ScrubbersList.Add(scrubber);
        return this;
    }

    /// <summary>Replaces every occurrence of <paramref name="value"/> with <paramref name="replacement"/>.</summary>
    public SnapshotSettings ScrubValue(string value, string replacement) => AddScrubber(Scrubber.Literal(value, replacement));

    public SnapshotSettings ClearScrubbers()
    {
        ScrubbersList.Clear();
        return this;
    }
}
