using Faithful.Model;

namespace Faithful.GpuRef.Batches;

/// <summary>Draws one input vector for a program.</summary>
public delegate IReadOnlyList<Value> InputSampler(StepProgram program, Random random);
