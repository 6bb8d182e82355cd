using System.Security.Cryptography;
using System.Text;
using Faithful.Clients.Running;
using Faithful.Serialization;

namespace Faithful.Cli.Running;

/// <summary>
/// Everything a run will ask: cases (program × inputs × sample) for each model. Its fingerprint covers every case
/// and model, so a resumed run can tell that the run file belongs to the same plan.
/// </summary>
internal sealed record RunPlan(string Description, IReadOnlyList<FaithfulCase> Cases, IReadOnlyList<string> Models)
{
    public int TotalCases => Cases.Count * Models.Count;

    public string Fingerprint
    {
        get
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

            // Program bodies too: a catalog program edited under the same name is a different plan.
            foreach (var program in Cases.Select(c => c.Program).Distinct())
            {
                text.Append(ProgramJson.Serialize(program)).Append('\n');
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        }
    }
}
