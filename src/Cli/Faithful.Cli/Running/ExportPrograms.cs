using System.Globalization;
using System.Text.RegularExpressions;
using Faithful.Families;
using Faithful.Model;
using Faithful.Protocols.Metamorphic;
using Faithful.Traces.Results;

namespace Faithful.Cli.Running;

/// <summary>
/// Finds the program a result answered, from the run file alone where it can: a study-grid program from its id
/// (<c>Chain_L25_D3_Long_mixed_S42</c>, <c>Registers_K5_L20_Sum_S7</c> name their family spec), a catalog program from
/// <c>--assembly</c>, and a metamorphic variant rebuilt from its base program, base inputs and variant name.
/// </summary>
internal sealed partial class ExportPrograms(IReadOnlyList<StepProgram> catalog)
{
    private readonly Dictionary<string, StepProgram?> _byId = catalog.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (StepProgram?)g.First(), StringComparer.Ordinal);

    /// <summary>The program and inputs the reply answered, or null when the program cannot be found.</summary>
    public (StepProgram Program, EquatableArray<Value> Inputs)? Resolve(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Evidence?.Variant is { } variant)
        {
            if (Find(variant.BaseProgramId) is not { } baseProgram || ProgramVariants.Create(baseProgram, variant.BaseInputs, variant.Variant) is not { } rebuilt
                || rebuilt.Program.Id != variant.ProgramId)
            {
                return null;
            }

            return (rebuilt.Program, rebuilt.Inputs);
        }

        return Find(result.ProgramId) is { } program ? (program, result.Inputs) : null;
    }

    private StepProgram? Find(string id)
    {
        if (!_byId.TryGetValue(id, out var program))
        {
            program = _byId[id] = FromGridId(id);
        }

        return program;
    }

    private static StepProgram? FromGridId(string id)
    {
        FamilySpec? spec = null;
        if (ChainId().Match(id) is { Success: true } chain && MixFromName(chain.Groups["mix"].Value) is { } mix)
        {
            spec = new ChainSpec(Int(chain, "L"), Int(chain, "D"), chain.Groups["kind"].Value == "Long" ? ValueKind.Int64 : ValueKind.Double, mix, ulong.Parse(chain.Groups["seed"].Value, CultureInfo.InvariantCulture));
        }
        else if (RegisterId().Match(id) is { Success: true } registers)
        {
            spec = new RegisterSpec(Int(registers, "K"), Int(registers, "L"), registers.Groups["query"].Value == "Sum" ? RegisterQuery.Sum : RegisterQuery.OneVariable, RegisterOps.All, ulong.Parse(registers.Groups["seed"].Value, CultureInfo.InvariantCulture));
        }

        try
        {
            var program = spec?.Generate();
            return program?.Id == id ? program : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // The name drops the '+' of a mix label: "addmul" is add+mul.
    private static OperatorMix? MixFromName(string text)
    {
        if (text == "mixed")
        {
            return OperatorMix.Mixed;
        }

        if (text.Length % 3 != 0)
        {
            return null;
        }

        var label = string.Join('+', Enumerable.Range(0, text.Length / 3).Select(i => text.Substring(3 * i, 3)));
        return OperatorMixText.TryParse(label, out var mix) ? mix : null;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Chain_L(?<L>\d{1,6})_D(?<D>\d{1,6})_(?<kind>Long|Double)_(?<mix>[a-z]+)_S(?<seed>\d{1,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex ChainId();

    [GeneratedRegex(@"^Registers_K(?<K>\d{1,6})_L(?<L>\d{1,6})_(?<query>Sum|One)_S(?<seed>\d{1,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex RegisterId();
}
