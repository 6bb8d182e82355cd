namespace Faithful.Traces.Scoring;

/// <summary>Whether a claim line restates a step's statement, computed once per claim and distinct statement of an attempt.</summary>
internal sealed class StatementMemo
{
    private readonly ProgramIndex _index;
    private readonly sbyte[]? _known;

    // Each claim text's character signature, taken on first use (0: not yet).
    private readonly ulong[] _textSignatures;

    public StatementMemo(ProgramIndex index, int claimCount)
    {
        _index = index;
        _textSignatures = new ulong[claimCount];

        // Past the aligner's own bound (where it turns greedy) the answers are not kept.
        _known = (long)claimCount * index.Statements.Length <= SequenceAligner.MaxCells ? new sbyte[claimCount * index.Statements.Length] : null;
    }

    public bool Restates(int claimIndex, int step, string text)
    {
        var id = _index.StatementOfStep[step];

        // A text that lacks a character of the statement cannot hold it: most claim lines are told apart from most
        // statements this way, without a search.
        var signature = _textSignatures[claimIndex];
        if (signature == 0)
        {
            _textSignatures[claimIndex] = signature = CharacterSignature.Of(text);
        }

        if ((_index.StatementSignatures[id] & ~signature) != 0)
        {
            return false;
        }

        var statement = _index.Statements[id];
        if (_known is null)
        {
            return RestatesStatement(text, statement);
        }

        var at = (claimIndex * _index.Statements.Length) + id;
        if (_known[at] == 0)
        {
            _known[at] = RestatesStatement(text, statement) ? (sbyte)1 : (sbyte)-1;
        }

        return _known[at] > 0;
    }

    private static bool RestatesStatement(string text, string statement)
    {
        if (statement.Length == 0)
        {
            return false;
        }

        var at = text.IndexOf(statement, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + statement.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endsWord = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }

            at = text.IndexOf(statement, at + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
