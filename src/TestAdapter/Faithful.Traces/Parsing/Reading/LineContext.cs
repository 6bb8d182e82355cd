namespace Faithful.Traces.Parsing.Reading;

/// <summary>How lines under a heading are framed: "Initial values:" echoes, "Final values:" reads out.</summary>
internal enum LineSection
{
    None,
    Echo,
    Readout,

    /// <summary>"State after iteration 2:": each pair below is a snapshot entry.</summary>
    Snapshot,

    /// <summary>"Iterate 3 times:": the values below sum up a loop.</summary>
    Loop,
}

/// <summary>
/// One normalized line (or comment) as the recognisers see it: its tokens, split into sentences, the step number or
/// name its prefix gave, the section it sits in, and what the reader knows about the program's names.
/// </summary>
internal sealed class LineContext
{
    private string?[] _sentenceLower = [];

    // Per sentence, worked out on first use: its letters (LetterSet) and whether it sums up a loop (1 = no, 2 = yes),
    // each stamped with the line it belongs to (the high 32 bits), so that loading a line clears nothing. The reader asks
    // whether a sentence sums up a loop once per reading chosen in it, and the recognisers ask the cue lists of every
    // sentence of a line that holds the cues' letters.
    private ulong[] _sentenceLetters = [];
    private ulong[] _sentenceSummarizes = [];
    private uint _lineStamp;

    // The letters of the whole line (LetterSet), worked out on first use: a sentence holds no more than its line.
    private uint _letters;
    private bool _lettersKnown;

    /// <param name="tokenBuffer">A list to tokenize into, which the caller reuses once it is done with this line; null for a new one.</param>
    public LineContext(string text, int? stepNumber, string? hint, NameRules names, LineSection section, ReaderKnowledge knowledge, bool stepLabel = true, List<Token>? tokenBuffer = null)
    {
        Load(text, stepNumber, hint, names, section, knowledge, stepLabel, tokenBuffer);
    }

    /// <summary>
    /// This context emptied and loaded with another line: the reader keeps one per thread (with its token and sentence
    /// lists) instead of a new one per line. Nothing read from a line keeps its context.
    /// </summary>
    public LineContext Reload(string text, int? stepNumber, string? hint, NameRules names, LineSection section, ReaderKnowledge knowledge, bool stepLabel, List<Token> tokenBuffer)
    {
        Load(text, stepNumber, hint, names, section, knowledge, stepLabel, tokenBuffer);
        return this;
    }

    private void Load(string text, int? stepNumber, string? hint, NameRules names, LineSection section, ReaderKnowledge knowledge, bool stepLabel, List<Token>? tokenBuffer)
    {
        Text = text;
        StepLabel = stepLabel;
        StepNumber = stepNumber;
        Hint = hint;
        Names = names;
        Section = section;
        Knowledge = knowledge;
        Tokens = Tokenizer.TokenizeInto(text, names, tokenBuffer ?? new List<Token>(), out var tags);
        WordTags = tags;
        (_tokenKinds, LinkCount) = SplitSentences(Tokens, Sentences);
        if (_sentenceLower.Length < Sentences.Count)
        {
            _sentenceLower = new string?[Math.Max(Sentences.Count, 4)];
            _sentenceLetters = new ulong[_sentenceLower.Length];
            _sentenceSummarizes = new ulong[_sentenceLower.Length];
        }
        else
        {
            Array.Clear(_sentenceLower, 0, Sentences.Count);
        }

        if (++_lineStamp == 0)
        {
            // After 2^32 lines a stamp comes round again: forget every sentence rather than trust an old one.
            Array.Clear(_sentenceLetters);
            Array.Clear(_sentenceSummarizes);
            _lineStamp = 1;
        }

        _lettersKnown = false;
    }

    public string Text { get; private set; } = "";

    public List<Token> Tokens { get; private set; } = [];

    /// <summary>The union of the line's identifiers' <see cref="Reading.WordTags"/>: which recognisers' words it holds at all.</summary>
    public WordTags WordTags { get; private set; }

    // The kinds of token the line holds, one bit per TokenKind.
    private uint _tokenKinds;

    /// <summary>Whether the line holds a token of kind <paramref name="kind"/>.</summary>
    public bool Has(TokenKind kind) => (_tokenKinds & (1u << (int)kind)) != 0;

    /// <summary>How many tokens link a name to a value by a symbol: <c>=</c>, <c>:=</c>, <c>:</c>, an arrow.</summary>
    public int LinkCount { get; private set; }

    public int? StepNumber { get; private set; }

    /// <summary>Whether <see cref="StepNumber"/> comes from a step label ("Step 3:") rather than a list item ("3.").</summary>
    public bool StepLabel { get; private set; }

    public string? Hint { get; private set; }

    public NameRules Names { get; private set; } = NameRules.Prose;

    public LineSection Section { get; private set; }

    public ReaderKnowledge Knowledge { get; private set; } = ReaderKnowledge.None;

    /// <summary>Token ranges [From, To) of the line's sentences, split at '.', '!' and '?'.</summary>
    public List<(int From, int To)> Sentences { get; } = new(2);

    /// <summary>
    /// The first and the last sentence holding a repeat word ("The process is then repeated two more times", "Repeat steps
    /// 4-9 two more times"), or (-1, -1); one test of the line's tags on a line without one.
    /// </summary>
    public (int First, int Last) RepeatSentences()
    {
        if ((WordTags & WordTags.Repeat) == 0)
        {
            return (-1, -1);
        }

        var (first, last) = (-1, -1);
        for (var s = 0; s < Sentences.Count; s++)
        {
            var (from, to) = Sentences[s];
            for (var i = from; i < to; i++)
            {
                if (Tokens[i].Kind == TokenKind.Word && WordTagging.IsRepeatWord(Tokens[i].Text))
                {
                    first = first < 0 ? s : first;
                    last = s;
                    break;
                }
            }
        }

        return (first, last);
    }

    /// <summary>The index of the sentence that holds token <paramref name="token"/>.</summary>
    public int SentenceOf(int token)
    {
        for (var s = 0; s < Sentences.Count; s++)
        {
            if (token < Sentences[s].To)
            {
                return s;
            }
        }

        return Sentences.Count - 1;
    }

    /// <summary>The end (exclusive) of the sentence holding <paramref name="token"/>.</summary>
    public int SentenceEnd(int token) => Sentences.Count == 0 ? Tokens.Count : Sentences[SentenceOf(token)].To;

    /// <summary>The lower-cased text of sentence <paramref name="sentence"/>, with a space on each side.</summary>
    public string SentenceLower(int sentence)
    {
        if (_sentenceLower[sentence] is { } cached)
        {
            return cached;
        }

        var span = SentenceText(sentence);
        var text = span.IsEmpty ? " " : Spaced(span);
        _sentenceLower[sentence] = text;
        return text;
    }

    // The text of sentence s from its first token to its last; empty for a sentence without tokens.
    private ReadOnlySpan<char> SentenceText(int sentence)
    {
        var (from, to) = Sentences[sentence];
        return from >= to ? default : Text.AsSpan(Tokens[from].Start, Tokens[to - 1].End - Tokens[from].Start);
    }

    /// <summary>The ASCII letters the line holds (<see cref="LetterSet.Of"/>).</summary>
    public uint Letters
    {
        get
        {
            if (!_lettersKnown)
            {
                _letters = LetterSet.Of(Text);
                _lettersKnown = true;
            }

            return _letters;
        }
    }

    /// <summary>
    /// Whether sentence <paramref name="sentence"/>, lower-cased, contains one of <paramref name="cues"/>. Most lines
    /// lack a letter every cue needs, and skip both the search and the lower-cased copy.
    /// </summary>
    public bool SentenceHas(Cues cues, int sentence) =>
        cues.MayOccurIn(Letters) && cues.MayOccurIn(SentenceLetters(sentence)) && cues.InScreened(SentenceLower(sentence));

    /// <summary>
    /// The ASCII letters sentence <paramref name="sentence"/> holds (<see cref="LetterSet.Of"/> of the text
    /// <see cref="SentenceLower"/> lower-cases): a prose line holds the letters of most cues, one of its sentences far fewer.
    /// </summary>
    private uint SentenceLetters(int sentence)
    {
        var known = _sentenceLetters[sentence];
        if ((uint)(known >> 32) == _lineStamp)
        {
            return (uint)known;
        }

        var letters = LetterSet.Of(SentenceText(sentence));
        _sentenceLetters[sentence] = ((ulong)_lineStamp << 32) | letters;
        return letters;
    }

    /// <summary>
    /// Whether the line, lower-cased, contains one of <paramref name="cues"/>. For cues that neither start nor end with a
    /// space this is true whenever some sentence's <see cref="SentenceHas"/> is, since each sentence's lower-cased text
    /// is part of the line's (the sentence adds only a space at each end).
    /// </summary>
    public bool Has(Cues cues) => cues.MayOccurIn(Letters) && cues.InAnyCaseScreened(Text);

    // " " + text.ToLowerInvariant() + " " in one string: this runs on every sentence the cue lists search.
    private static string Spaced(ReadOnlySpan<char> text) => string.Create(text.Length + 2, text, static (buffer, source) =>
    {
        buffer[0] = ' ';
        buffer[^1] = ' ';
        source.ToLowerInvariant(buffer[1..^1]);
    });

    /// <summary>
    /// Whether sentence <paramref name="sentence"/> summarizes a loop rather than one step, by its own words or the
    /// sentence before it on the line ("The inner loop runs 3 times again. So n_1 becomes -5."), or the one before that
    /// when neither names an iteration (a loop of n*n sign flips, then a rule for odd and even n, then the value for n=3:
    /// gpt4/complexity-cot/116, holdout43, placed on a mid-loop write that matched, and read as premature).
    /// </summary>
    public bool IsShortcutSentence(int sentence) =>
        SummarizesLoop(sentence) || (sentence > 0 && SummarizesLoop(sentence - 1))
        || (sentence > 1 && SummarizesLoop(sentence - 2) && !NamesIteration(sentence) && !NamesIteration(sentence - 1));

    /// <summary>
    /// Whether sentence <paramref name="sentence"/> (or the line's first sentence) names a single iteration: "iteration 2",
    /// "the first iteration", "in the third pass".
    /// </summary>
    public bool NamesOneIteration(int sentence) => NamesIteration(sentence) || (sentence > 0 && NamesIteration(0));

    private bool NamesIteration(int sentence)
    {
        var (from, to) = Sentences[sentence];
        for (var i = from; i < to; i++)
        {
            if (Tokens[i].Kind != TokenKind.Word || Tokens[i].Text.ToLowerInvariant() is not ("iteration" or "pass" or "round" or "cycle" or "repetition"))
            {
                continue;
            }

            var after = i + 1 < to ? Tokens[i + 1] : default;
            var before = i > from ? Tokens[i - 1] : default;
            if ((after.Kind == TokenKind.Number && after.Text.Length <= 3 && !after.Text.StartsWith('-'))
                || (before.Kind == TokenKind.Word && OrdinalWords.Contains(before.Text)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd",
        "4th", "5th", "next", "last", "final",
    };

    private bool SummarizesLoop(int sentence)
    {
        var known = _sentenceSummarizes[sentence];
        if ((uint)(known >> 32) != _lineStamp)
        {
            known = ((ulong)_lineStamp << 32) | (SummarizesLoopUncached(sentence) ? 2u : 1u);
            _sentenceSummarizes[sentence] = known;
        }

        return (uint)known == 2;
    }

    private bool SummarizesLoopUncached(int sentence)
    {
        if (SentenceHas(Lexicon.ShortcutCues, sentence)
            || ((WordTags & WordTags.Repeat) != 0 && SentenceHas(Lexicon.RepeatedProcessCues, sentence)))
        {
            return true;
        }

        return CountsRepetitions(sentence);
    }

    /// <summary>Whether the sentence counts repetitions: "three times", "(3 times)" (not "2 times 3", an operator).</summary>
    public bool CountsRepetitions(int sentence)
    {
        if ((WordTags & WordTags.Times) == 0)
        {
            return false;
        }

        var (from, to) = Sentences[sentence];
        for (var i = from + 1; i < to; i++)
        {
            if (Tokens[i].IsWord("times") && (Tokens[i - 1].Kind == TokenKind.Number || (Tokens[i - 1].Kind == TokenKind.Word && Lexicon.CountWords.Contains(Tokens[i - 1].Text)) || EndsCompoundCount(i - 1))
                && (i + 1 >= to || Tokens[i + 1].Kind is not (TokenKind.Number or TokenKind.Name)))
            {
                return true;
            }
        }

        return false;
    }

    // "eighty-one times": the "one" that ends a number of tens counts many passes (gpt4/complexity-cot/387, holdout65:
    // its 81 sign flips were read as one, the loop's first write, and the answer as premature).
    private bool EndsCompoundCount(int at)
    {
        if (!Tokens[at].IsWord("one"))
        {
            return false;
        }

        var tens = at > 0 && Tokens[at - 1].IsOperator("-") ? at - 2 : at - 1;
        return tens >= 0 && Tokens[tens].Kind == TokenKind.Word && Lexicon.TensWords.Contains(Tokens[tens].Text);
    }

    // Splits the line into sentences, and notes in the same pass which kinds of token it holds and how many links.
    private static (uint Kinds, int Links) SplitSentences(List<Token> tokens, List<(int From, int To)> sentences)
    {
        sentences.Clear();
        var kinds = 0u;
        var links = 0;
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var kind = tokens[i].Kind;
            kinds |= 1u << (int)kind;
            links += kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow ? 1 : 0;
            if (kind == TokenKind.Other && tokens[i].Text is "." or "!" or "?")
            {
                if (i > start)
                {
                    sentences.Add((start, i));
                }

                start = i + 1;
            }
        }

        if (start < tokens.Count || sentences.Count == 0)
        {
            sentences.Add((start, tokens.Count));
        }

        return (kinds, links);
    }
}

/// <summary>
/// What the reader knows of the program beyond its names: the given names (inputs and declarations with a literal
/// initial value), the answer variable, and the variable each step writes (to fit list numbers to steps).
/// </summary>
internal sealed class ReaderKnowledge
{
    // The distinct entries of StepVariables, each with its number (its index in order of first appearance).
    private readonly Dictionary<string, int> _variables;

    public static ReaderKnowledge None { get; } = new(null, null, null, false);

    public ReaderKnowledge(IReadOnlyDictionary<string, ParsedValue?>? given, string? answerVariable, IReadOnlyList<string>? stepVariables, bool answerIsSum, int answerVariableCount = 0, AskedInput? asked = null)
    {
        AnswerVariableCount = answerVariableCount;
        Asked = asked;
        Given = given ?? new Dictionary<string, ParsedValue?>(StringComparer.Ordinal);
        AnswerVariable = answerVariable;
        StepVariables = stepVariables?.ToArray() ?? [];
        AnswerIsSum = answerIsSum;
        (_variables, StepVariableIds) = Distinct(StepVariables);
    }

    /// <summary>Inputs (value unknown to the reader) and declared variables with their literal initial value.</summary>
    public IReadOnlyDictionary<string, ParsedValue?> Given { get; }

    /// <summary>The variable whose final value is the answer, when the answer is one variable.</summary>
    public string? AnswerVariable { get; }

    /// <summary>The one input the prompt asks about ("for n=3"), or null: closed forms in it are evaluated with its value.</summary>
    public AskedInput? Asked { get; }

    /// <summary>Whether the answer is the sum of several variables.</summary>
    public bool AnswerIsSum { get; }

    /// <summary>How many variables the answer reads (0 when unknown).</summary>
    public int AnswerVariableCount { get; }

    /// <summary>The variable each step writes, in step order (an array: read per claim, it is indexed without an interface call).</summary>
    public string[] StepVariables { get; }

    /// <summary>How many different variables the steps write (the size a table of them needs).</summary>
    public int DistinctVariables => _variables.Count;

    public bool IsGiven(string name) => Given.ContainsKey(name);

    /// <summary>Whether some step's entry in <see cref="StepVariables"/> is <paramref name="name"/> (a set lookup, not a scan of every step).</summary>
    public bool IsStepVariable(string name) => _variables.ContainsKey(name);

    /// <summary>Each step's variable as its number (see <see cref="VariableId"/>): comparing two is comparing two ints.</summary>
    public int[] StepVariableIds { get; }

    /// <summary>The number of the step variable <paramref name="name"/> (ordinal, as <c>==</c> compares), or -1 when no step writes it.</summary>
    public int VariableId(string name) => _variables.TryGetValue(name, out var id) ? id : -1;

    // Distinct() sized its set for every step (a 10,000-step loop writes two or three variables); a run of steps
    // writing the same variable instance is added once without hashing each.
    private static (Dictionary<string, int> Variables, int[] Ids) Distinct(string[] variables)
    {
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[variables.Length];
        string? previous = null;
        var previousId = -1;
        for (var i = 0; i < variables.Length; i++)
        {
            var variable = variables[i];
            if (!ReferenceEquals(variable, previous))
            {
                ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(distinct, variable, out var known);
                if (!known)
                {
                    id = distinct.Count - 1;
                }

                previous = variable;
                previousId = id;
            }

            ids[i] = previousId;
        }

        return (distinct, ids);
    }
}
