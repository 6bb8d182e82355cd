using System.Security.Cryptography;
using System.Text;
using Faithful.Clients.Running;
using Faithful.Reports.Sharding;
using Faithful.Protocols;
using Faithful.Serialization;

namespace Faithful.Cli.Running;

/// <summary>
/// Everything a run will ask: cases (program × inputs × sample) for each model. Its fingerprint covers every case
/// and model, so a resumed run can tell that the run file belongs to the same plan.
/// </summary>
internal sealed record RunPlan(string Description, IReadOnlyList<FaithfulCase> Cases, IReadOnlyList<string> Models)
{
    /// <summary>How each case is put to each model; <c>single</c> unless <c>--protocol</c> says otherwise.</summary>
    public IReadOnlyList<IProtocol> Protocols { get; init; } = [SingleProtocol.Instance];

    /// <summary>Results the plan writes: every case, under every protocol (a metamorphic case gives one per variant), for every model.</summary>
    public int TotalCases => Protocols.Sum(p => Cases.Sum(c => p.ResultLabels(c).Count)) * Models.Count;

    /// <summary>Whether the plan runs anything other than the single protocol.</summary>
    public bool HasProtocols => Protocols.Any(p => p is not SingleProtocol);

    /// <summary>The shard this plan runs, when split with <c>--shard i/n</c>; its cases are that shard's only.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Cases × models of the whole plan a shard was cut from (equal to <see cref="TotalCases"/> when not sharded).</summary>
    public int PlanCases => WholePlanCases ?? TotalCases;

    private int? WholePlanCases { get; init; }

    private string? WholePlanFingerprint { get; init; }

    /// <summary>The shard <paramref name="shard"/> of this plan: the cases whose id hashes to it, with every model.</summary>
    public RunPlan ForShard(ShardSpec shard) => this with
    {
        Cases = Cases.Where(c => shard.Contains(c.CaseId)).ToList(),
        Shard = shard,
        WholePlanCases = TotalCases,
        WholePlanFingerprint = Fingerprint,
    };

    /// <summary>The plan's programs by id (what its results are scored against, written once into a run file).</summary>
    public Dictionary<string, Model.StepProgram> ProgramsById()
    {
        var programs = new Dictionary<string, Model.StepProgram>(StringComparer.Ordinal);
        foreach (var @case in Cases)
        {
            programs.TryAdd(@case.Program.Id, @case.Program);
        }

        return programs;
    }

    /// <summary>The whole plan's fingerprint (a shard keeps the fingerprint of the plan it was cut from).</summary>
    public string Fingerprint => WholePlanFingerprint ?? ComputeFingerprint();

    private string ComputeFingerprint()
    {
        var text = new StringBuilder();
        foreach (var model in Models)
        {
            text.Append(model).Append('\n');
        }

        foreach (var @case in Cases)
        {
            text.Append(@case.CaseId).Append('\n');
        }

        // Protocols with their settings; a single-protocol plan keeps the fingerprint it always had.
        if (HasProtocols)
        {
            foreach (var protocol in Protocols)
            {
                text.Append("protocol ").Append(protocol.Description).Append('\n');
            }
        }

        // Program bodies too: a catalog program edited under the same name is a different plan.
        foreach (var program in Cases.Select(c => c.Program).Distinct())
        {
            text.Append(ProgramJson.Serialize(program)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
