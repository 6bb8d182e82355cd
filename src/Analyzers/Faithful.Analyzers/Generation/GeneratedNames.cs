using System.Globalization;
using System.Text;

namespace Faithful.Analyzers.Generation;

/// <summary>Deterministic identifiers and file names derived from program ids.</summary>
internal static class GeneratedNames
{
    public const string Namespace = "Faithful.Generated";
    public const string CatalogClass = "ReferencePrograms";

    /// <summary>The private factory that builds one program; unique because the escaping is injective.</summary>
    public static string FactoryName(string id) => "Create_" + Escape(id);

    public static string HintName(string id) => CatalogClass + "." + Escape(id) + ".g.cs";

    // '.' becomes '_', '_' doubles, anything else outside [A-Za-z0-9] becomes _uXXXX_.
    public static string Escape(string id)
    {
        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (c == '.')
            {
                builder.Append('_');
            }
            else if (c == '_')
            {
                builder.Append("__");
            }
            else
            {
                builder.Append("_u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return builder.ToString();
    }
}
