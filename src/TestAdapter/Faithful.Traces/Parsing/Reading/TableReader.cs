using System.Text;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Reads markdown table rows as lines the claim reader understands. A header names the columns (step, variable,
/// work, value); a header of variable names (<c>| stmt | a0 | a1 |</c>) makes a state table, where each row claims
/// the variable its statement writes, or the variables whose value changed.
/// </summary>
internal sealed class TableReader
{
    private enum Role
    {
        Unknown,
        StepNumber,
        Name,
        Work,
        Value,
        Variable,
    }

    private Role[]? _roles;
    private string?[]? _variables;
    private string?[]? _previousRow;

    public static bool IsRow(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Length >= 3 && trimmed[0] == '|' && trimmed[1..].Contains('|');
    }

    public static bool IsSeparator(string line)
    {
        if (!IsRow(line))
        {
            return false;
        }

        foreach (var c in line)
        {
            if (c is not ('|' or '-' or ':' or ' ' or '\t'))
            {
                return false;
            }
        }

        return line.Contains('-', StringComparison.Ordinal);
    }

    public void Reset()
    {
        _roles = null;
        _variables = null;
        _previousRow = null;
    }

    public void ReadHeader(string line, NameRules names)
    {
        var cells = Cells(line);
        _roles = new Role[cells.Count];
        _variables = new string?[cells.Count];
        _previousRow = null;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = LineNormalizer.Normalize(cells[i]).Trim().ToLowerInvariant();
            _roles[i] = text switch
            {
                "step" or "#" or "no" or "no." or "n" or "step #" or "step no." or "index" or "line" => Role.StepNumber,
                "variable" or "var" or "name" or "register" or "target" or "step name" or "variable name" => Role.Name,
                "value" or "result" or "new value" or "=" or "output" or "val" or "result value" or "answer" or "value after" => Role.Value,
                "computation" or "work" or "expression" or "calculation" or "operation" or "statement" or "code" or "formula"
                    or "instruction" or "action" or "op" or "compute" or "calc" => Role.Work,
                _ => Role.Unknown,
            };

            if (_roles[i] == Role.Unknown && text.Length > 0 && names.Resolve(LineNormalizer.Normalize(cells[i]).Trim()) is { } variable)
            {
                _roles[i] = Role.Variable;
                _variables[i] = variable;
            }
        }
    }

    /// <summary>The row as one or more claim lines ("Step 3: s3 -> s2 - s1 -> 7"), or an empty list.</summary>
    public List<string> ReadRow(string line, NameRules names)
    {
        var cells = Cells(line);
        var lines = new List<string>();
        if (_roles is not null && _roles.Count(r => r == Role.Variable) >= 2 && !_roles.Contains(Role.Value))
        {
            ReadStateRow(cells, names, lines);
        }
        else if (_roles is not null && _roles.Contains(Role.Value))
        {
            lines.Add(ReadRoleRow(cells));
        }
        else
        {
            lines.Add(ReadPlainRow(cells));
        }

        return lines;
    }

    private string ReadRoleRow(List<string> cells)
    {
        var builder = new StringBuilder();
        string? value = null;
        for (var i = 0; i < cells.Count && i < _roles!.Length; i++)
        {
            var cell = cells[i].Trim();
            if (cell.Length == 0)
            {
                continue;
            }

            switch (_roles[i])
            {
                case Role.StepNumber when cell.All(char.IsAsciiDigit):
                    builder.Insert(0, $"Step {cell}: ");
                    break;
                case Role.Value:
                    value = cell;
                    break;
                case Role.Unknown:
                    break;
                default:
                    Append(builder, cell);
                    break;
            }
        }

        if (value is not null)
        {
            Append(builder, value);
        }

        return builder.ToString();
    }

    private static string ReadPlainRow(List<string> cells)
    {
        var builder = new StringBuilder();
        var first = 0;
        var nonEmpty = cells.Where(c => c.Trim().Length > 0).ToList();
        if (nonEmpty.Count >= 2 && nonEmpty[0].Trim().All(char.IsAsciiDigit) && nonEmpty[0].Trim().Length <= 5)
        {
            builder.Append("Step ").Append(nonEmpty[0].Trim()).Append(": ");
            first = 1;
        }

        for (var i = first; i < nonEmpty.Count; i++)
        {
            Append(builder, nonEmpty[i].Trim());
        }

        return builder.ToString();
    }

    private void ReadStateRow(List<string> cells, NameRules names, List<string> lines)
    {
        string? statement = null;
        var row = new string?[_roles!.Length];
        for (var i = 0; i < cells.Count && i < _roles.Length; i++)
        {
            var cell = cells[i].Trim();
            if (_roles[i] == Role.Variable)
            {
                row[i] = cell;
            }
            else if (_roles[i] is Role.Work or Role.Name or Role.Unknown or Role.StepNumber && cell.Length > 0 && !cell.All(char.IsAsciiDigit))
            {
                statement ??= cell;
            }
        }

        var target = statement is null ? null : StatementTarget(statement, names);
        if (target is not null && Array.IndexOf(_variables!, target) is var column and >= 0)
        {
            lines.Add($"{statement} -> {row[column]}");
        }
        else
        {
            var changed = new List<string>();
            for (var i = 0; i < row.Length; i++)
            {
                if (_roles[i] == Role.Variable && !string.IsNullOrEmpty(row[i]) && (_previousRow is null || _previousRow[i] != row[i]))
                {
                    changed.Add($"{_variables![i]} = {row[i]}");
                }
            }

            if (changed.Count > 0)
            {
                lines.Add(string.Join(", ", changed));
            }
        }

        _previousRow = row;
    }

    private static string? StatementTarget(string statement, NameRules names)
    {
        var tokens = Tokenizer.Tokenize(LineNormalizer.Normalize(statement), names);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Name && i + 1 < tokens.Count && tokens[i + 1].Kind is TokenKind.Assign or TokenKind.CompoundAssign or TokenKind.IncrementOrDecrement)
            {
                return tokens[i].Text;
            }

            if (tokens[i].Kind == TokenKind.IncrementOrDecrement && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Name)
            {
                return tokens[i + 1].Text;
            }
        }

        return null;
    }

    private static void Append(StringBuilder builder, string cell)
    {
        var endsWithLabel = builder.Length >= 2 && builder[^2] == ':' && builder[^1] == ' ';
        if (builder.Length > 0 && !endsWithLabel)
        {
            builder.Append(" -> ");
        }

        builder.Append(cell);
    }

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        return [.. trimmed.Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|').Select(c => c.Replace('\u0001', '|'))];
    }
}
