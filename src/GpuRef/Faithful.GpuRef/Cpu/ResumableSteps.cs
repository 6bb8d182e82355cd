namespace Faithful.GpuRef.Cpu;

/// <summary>
/// One program compiled to resume at step <paramref name="fromStep"/>: the inputs are read from <paramref name="inputs"/>,
/// the steps before <paramref name="fromStep"/> from the row itself; it writes each step it runs, stops before step
/// <paramref name="stopBefore"/> (the step count stops before the answer; anything larger runs through the answer),
/// and returns 0 or <c>faultCode | faultStep &lt;&lt; 3</c> with the absolute step.
/// </summary>
public delegate int ResumableSteps(long[] inputs, int inputBase, long[] trace, int traceBase, int fromStep, int stopBefore);
