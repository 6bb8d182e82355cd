using System.Globalization;
using Faithful.Clients.Running;
using Faithful.Model;
using Xunit.Sdk;

namespace Faithful.Testing;

/// <summary>
/// A theory argument: one program of a catalog, sampled inputs, and a sample index. Serializable for xUnit
/// (catalog type, program id, input bits, protocol), so every case is its own test in discovery and in Test Explorer.
/// </summary>
public sealed class FaithfulTestCase : IXunitSerializable
{
    private Type? catalogType;
    private string programId = "";
    private EquatableArray<Value> inputs;
    private StepProgram? program;

    /// <summary>For xUnit's deserializer only.</summary>
    public FaithfulTestCase()
    {
    }

    public FaithfulTestCase(Type catalogType, StepProgram program, EquatableArray<Value> inputs, int sample, CaseProtocol? protocol = null)
    {
        this.catalogType = catalogType;
        this.program = program;
        programId = program.Id;
        this.inputs = inputs;
        Sample = sample;
        CaseProtocol = protocol ?? CaseProtocol.Single;
    }

    public StepProgram Program => program ??= CatalogReader.Find(catalogType ?? throw new InvalidOperationException("Test case was not initialized."), programId);

    public EquatableArray<Value> Inputs => inputs;

    public int Sample { get; private set; }

    /// <summary>The protocol the theory asked for (<c>[FaithfulCases(..., Protocol = "checkpointed")]</c>), as settings.</summary>
    public CaseProtocol CaseProtocol { get; private set; } = CaseProtocol.Single;

    /// <summary>The protocol to run the case under, e.g. <c>new ProtocolRunner(client, model, instrument).RunOneAsync(@case.Case, @case.Protocol)</c>.</summary>
    public Protocols.IProtocol Protocol => CaseProtocol.Create();

    /// <summary>The case as the runner takes it.</summary>
    public FaithfulCase Case => new(Program, inputs, Sample);

    /// <summary>The same inputs as another sample.</summary>
    public FaithfulTestCase WithSample(int sample) => new(catalogType!, Program, inputs, sample, CaseProtocol);

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue("catalog", catalogType?.AssemblyQualifiedName);
        info.AddValue("program", programId);
        info.AddValue("inputs", string.Join(";", inputs.Select(v => $"{(int)v.Kind}:{v.Bits.ToString(CultureInfo.InvariantCulture)}")));
        info.AddValue("sample", Sample);
        info.AddValue("protocol", CaseProtocol.Name);
        info.AddValue("every", CaseProtocol.Every);
        info.AddValue("reveal", CaseProtocol.Reveal);
        info.AddValue("stop", CaseProtocol.StopOnError);
        info.AddValue("at", CaseProtocol.At);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var catalogName = info.GetValue<string>("catalog") ?? "";
        catalogType = Type.GetType(catalogName, throwOnError: true);
        programId = info.GetValue<string>("program") ?? "";
        var text = info.GetValue<string>("inputs") ?? "";
        inputs = text.Length == 0
            ? EquatableArray<Value>.Empty
            : text.Split(';').Select(part =>
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                return new Value((ValueKind)int.Parse(part[..colon], CultureInfo.InvariantCulture), long.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture));
            }).ToEquatableArray();
        Sample = info.GetValue<int>("sample");
        CaseProtocol = new CaseProtocol(info.GetValue<string>("protocol") ?? "single", info.GetValue<int>("every"), info.GetValue<int>("reveal"), info.GetValue<bool>("stop"), info.GetValue<string>("at"));
        program = null;
    }

    /// <summary>Readable: <c>Chain(a: 3, b: -7)</c>, with <c> #2</c> for repeated samples.</summary>
    public override string ToString()
    {
        var name = program?.Name ?? programId[(programId.LastIndexOf('.') + 1)..];
        var parameters = program?.Parameters;
        var args = string.Join(", ", inputs.Select((v, i) => parameters is null ? v.ToString() : $"{parameters.Value[i].Name}: {v}"));
        var text = Sample == 0 ? $"{name}({args})" : $"{name}({args}) #{Sample}";
        return CaseProtocol.Name == CaseProtocol.Single.Name && CaseProtocol == CaseProtocol.Single ? text : $"{text} [{CaseProtocol}]";
    }
}
