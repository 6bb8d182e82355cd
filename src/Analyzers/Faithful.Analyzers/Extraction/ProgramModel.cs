namespace Faithful.Analyzers.Extraction;

/// <summary>A declared input range; the values are what <c>DomainAttribute</c> stores as decimals.</summary>
public sealed record DomainModel(decimal Min, decimal Max);

/// <summary>A program input (version 0 of its variable).</summary>
public sealed record ParameterModel(string Name, ModelValueKind Kind, DomainModel? Domain, LocationInfo Location);

/// <summary>
/// One executed assignment, writing <paramref name="Version"/> of <paramref name="Variable"/>.
/// <paramref name="Name"/> follows the shared convention: the variable name when it is not a parameter
/// and is written once, else <c>variable#version</c>.
/// </summary>
public sealed record StepModel(
    int Index,
    string Name,
    string Variable,
    int Version,
    ModelValueKind Kind,
    ExprModel Expression,
    string SourceText,
    int Line,
    bool IsDistractor,
    LocationInfo Location);

/// <summary>
/// The extracted reference program, equal by value and free of symbols and syntax,
/// ready for the generator's emitter and for <c>Faithful.SourcePrograms</c>.
/// </summary>
/// <param name="Name">The method name.</param>
/// <param name="Description">The <c>[ReferenceProgram]</c> description.</param>
/// <param name="ContainingType">The declaring type's full name without <c>global::</c>, or null for bare statements.</param>
/// <param name="AllowNonFinite">The attribute's <c>AllowNonFinite</c>.</param>
/// <param name="Parameters">Inputs in slot order.</param>
/// <param name="Steps">Steps in execution order (loops unrolled).</param>
/// <param name="Result">The answer expression.</param>
/// <param name="ResultSourceText">The <c>return</c> expression as written.</param>
/// <param name="Location">The method name's location.</param>
public sealed record ProgramModel(
    string Name,
    string Description,
    string? ContainingType,
    bool AllowNonFinite,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<StepModel> Steps,
    ExprModel Result,
    string ResultSourceText,
    LocationInfo Location)
{
    /// <summary><c>Namespace.Type.Method</c>, as <c>StepProgram.Id</c>.</summary>
    public string Id => ContainingType is null ? Name : ContainingType + "." + Name;
}
