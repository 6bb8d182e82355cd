namespace Faithful.GpuRef.Cpu;

/// <summary>
/// One program compiled to a delegate: reads the pair's inputs, writes each step's bits and the answer to
/// the pair's trace row, and returns 0 or <c>faultCode | faultStep &lt;&lt; 3</c>.
/// </summary>
public delegate int CompiledSteps(long[] inputs, int inputBase, long[] trace, int traceBase);
