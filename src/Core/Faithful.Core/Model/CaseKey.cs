using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Faithful.Model;

/// <summary>
/// One case's identity wherever a case is named: the xUnit adapter, <c>faithful run</c>, <c>faithful score</c>, run
/// files, baselines and the gate. A case is a program, its inputs by parameter name, and a repeated sample; the protocol
/// it ran under travels beside the text form (run files keep it in its own field). The text form is
/// <c>Namespace.Type.Method(a=3,b=-7)#0</c>.
/// </summary>
/// <remarks>
/// Run files written before the key was shared hold <c>faithful score</c> ids without names (<c>Method(3,-7)#0</c>).
/// <see cref="MatchText"/> drops the names, so a baseline blessed from either form pairs with a run in the other.
/// </remarks>
public sealed record CaseKey(string ProgramId, EquatableArray<CaseInput> Inputs, int Sample, string? Protocol = null)
{
    /// <summary>The key of a program's case: every input named by its parameter.</summary>
    public static CaseKey Of(StepProgram program, IReadOnlyList<Value> inputs, int sample, string? protocol = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        var named = new CaseInput[Math.Max(program.Parameters.Count, inputs.Count)];
        for (var i = 0; i < named.Length; i++)
        {
            named[i] = new CaseInput(
                i < program.Parameters.Count ? program.Parameters[i].Name : null,
                i < inputs.Count ? inputs[i].ToString() : "?");
        }

        return new CaseKey(program.Id, new EquatableArray<CaseInput>(named), sample, protocol);
    }

    /// <summary>The text form: <c>Id(a=3,b=-7)#0</c>.</summary>
    public string Id => Format(named: true);

    /// <summary>The text form without parameter names (<c>Id(3,-7)#0</c>): what two ids of the same case share, whichever form wrote them.</summary>
    public string MatchText => Format(named: false);

    /// <summary>The text used to pair cases: <see cref="MatchText"/> when <paramref name="caseId"/> is a case key, else the id as it is.</summary>
    public static string MatchTextOf(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return TryParse(caseId, out var key) ? key.MatchText : caseId;
    }

    /// <summary>
    /// Reads <c>Id(a=3,b=-7)#0</c> or the older <c>Id(3,-7)#0</c>. False for anything else (an id some other tool chose).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseKey? key)
    {
        key = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var hash = text.LastIndexOf('#');
        if (hash < 2 || text[hash - 1] != ')' || !int.TryParse(text.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sample))
        {
            return false;
        }

        var open = text.LastIndexOf('(', hash - 1);
        if (open < 1)
        {
            return false;
        }

        var list = text.AsSpan(open + 1, hash - 2 - open);
        var inputs = new List<CaseInput>();
        if (!list.IsEmpty)
        {
            foreach (var part in list.ToString().Split(','))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                inputs.Add(equals < 0 ? new CaseInput(null, part) : new CaseInput(part[..equals], part[(equals + 1)..]));
            }
        }

        key = new CaseKey(text[..open], new EquatableArray<CaseInput>(inputs), sample);
        return true;
    }

    public override string ToString() => Id;

    private string Format(bool named)
    {
        var inputs = string.Join(",", Inputs.Select(i => named && i.Name is not null ? i.Name + "=" + i.Value : i.Value));
        return string.Create(CultureInfo.InvariantCulture, $"{ProgramId}({inputs})#{Sample}");
    }
}

/// <summary>One input of a <see cref="CaseKey"/>: the parameter's name (null in ids written without names) and the value as text.</summary>
public readonly record struct CaseInput(string? Name, string Value);
