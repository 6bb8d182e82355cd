using Faithful.GpuRef.Bytecode;
using Faithful.GpuRef.Kernels;

namespace Faithful.GpuRef.Batches;

/// <summary>All of a batch's programs packed into the flat tables the kernel reads.</summary>
public sealed class ProgramTable
{
    internal ProgramTable(IReadOnlyList<BytecodeProgram> programs)
    {
        var code = new List<int>();
        var constants = new List<long>();
        var stepStarts = new List<int>();
        Headers = new ProgramHeader[programs.Count];
        for (var i = 0; i < programs.Count; i++)
        {
            var program = programs[i];
            Headers[i] = new ProgramHeader(code.Count, constants.Count, stepStarts.Count, program.ParameterCount, program.StepCount, program.Source.AllowNonFinite);
            code.AddRange(program.Code);
            constants.AddRange(program.Constants);
            stepStarts.AddRange(program.StepStarts);
        }

        Code = [.. code];
        // ILGPU cannot allocate an empty buffer: a batch of constant-free programs still gets one cell.
        Constants = constants.Count == 0 ? [0] : [.. constants];
        StepStarts = [.. stepStarts];
    }

    internal int[] Code { get; }

    internal long[] Constants { get; }

    internal int[] StepStarts { get; }

    internal ProgramHeader[] Headers { get; }
}
