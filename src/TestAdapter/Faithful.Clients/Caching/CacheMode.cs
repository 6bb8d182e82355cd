namespace Faithful.Clients.Caching;

/// <summary>How the record/replay cache treats requests.</summary>
public enum CacheMode
{
    /// <summary>Every request goes to the model; nothing is read or written.</summary>
    Live,

    /// <summary>Replay what is recorded; send misses to the model and record their responses.</summary>
    Record,

    /// <summary>Replay only; a miss fails with the exact key and never reaches a model (CI).</summary>
    ReplayOnly,
}
