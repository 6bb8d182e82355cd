namespace Faithful.Traces.Prompts;

/// <summary>
/// A <c>*.prompt.md</c> template file. Its first line links it to a program: <c>&lt;!-- faithful: program=Name --&gt;</c>;
/// the rest is the template body. An optional <c>id=name/v2</c> in the same comment names the version.
/// </summary>
public static class PromptTemplateFile
{
    private const string Marker = "<!-- faithful:";

    /// <summary>Reads a template file's text.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="fileName">The file name, used for the default id (<c>my.prompt.md</c> is <c>my/v1</c>) and in errors.</param>
    /// <exception cref="FormatException">The header is missing or names no program; the message says how to fix it.</exception>
    public static (string Program, PromptTemplate Template) Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var first = (newline < 0 ? text : text[..newline]).Trim();
        if (!first.StartsWith(Marker, StringComparison.Ordinal) || !first.EndsWith("-->", StringComparison.Ordinal))
        {
            throw new FormatException($"{fileName}(1): a prompt template file must start with '<!-- faithful: program=Name -->' naming the reference program it is for.");
        }

        string? program = null;
        string? id = null;
        foreach (var setting in first[Marker.Length..^3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = setting[..equals];
            var value = setting[(equals + 1)..];
            if (key == "program")
            {
                program = value;
            }
            else if (key == "id")
            {
                id = value;
            }
        }

        if (string.IsNullOrEmpty(program))
        {
            throw new FormatException($"{fileName}(1): the header names no program; write '<!-- faithful: program=Name -->' with the reference program's method name.");
        }

        var baseName = Path.GetFileName(fileName);
        var stem = baseName.EndsWith(".prompt.md", StringComparison.OrdinalIgnoreCase) ? baseName[..^".prompt.md".Length] : Path.GetFileNameWithoutExtension(baseName);
        var body = newline < 0 ? "" : text[(newline + 1)..];
        return (program, PromptTemplate.Custom(body.Length == 0 ? " " : body, id ?? $"{stem}/v1"));
    }
}
