namespace Faithful.Model;

/// <summary>A program input. Its value is version 0 of the variable of the same name.</summary>
public sealed record Parameter(string Name, ValueKind Kind, Domain? Domain = null);
