namespace Faithful.Traces.Simulation;

/// <summary>One request a simulated client answered, and what it injected: the inspectable log of a simulation.</summary>
public sealed record SimulationRecord(CaseRef Case, InjectedLabel Label, string Reply);
