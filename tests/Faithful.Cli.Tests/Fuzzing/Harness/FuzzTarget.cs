using CsCheck;

namespace Faithful.Fuzzing;

/// <summary>
/// One entry point under fuzzing: how its inputs are generated, what one input does, and the most time one input may
/// take. <see cref="Run"/> throws when an invariant breaks; any other exception is a crash too.
/// </summary>
/// <param name="Name">Short name, also the folder of its kept regressions.</param>
/// <param name="Inputs">The generator.</param>
/// <param name="Run">Feeds one input to the entry point and checks what came back.</param>
/// <param name="Budget">The most one input may take; slower is a failure.</param>
/// <param name="Encode">Turns an input into the bytes of a regression file; <see cref="Decode"/> reads it back.</param>
/// <param name="Decode">Reads a regression file's bytes back into an input.</param>
/// <param name="LongRunInputs">Inputs of the on-demand run, weighted by cost so the three together make 10^6.</param>
public sealed record FuzzTarget(string Name, Gen<string> Inputs, Action<string> Run, TimeSpan Budget, Func<string, byte[]> Encode, Func<byte[], string> Decode, long LongRunInputs)
{
    /// <summary>An input shown in a failure message: its start and its length, never megabytes.</summary>
    public static string Describe(string input)
    {
        var shown = input.Length <= 400 ? input : input[..400] + "…";
        return $"[{input.Length} chars] " + string.Concat(shown.Select(c => char.IsControl(c) && c != '\n' ? $"\\x{(int)c:X2}" : c.ToString()));
    }
}
