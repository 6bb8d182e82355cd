namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Every word list the reader uses, in one place: what separates a value from its work, which words frame an
/// input echo, a no-change statement, a loop shortcut, a readout or an answer, and how replies start over.
/// Words are lower-case; phrases are matched on lower-cased text.
/// </summary>
internal static class Lexicon
{
    private static HashSet<string> Words(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after which a value follows its work: "subtract 2, giving 9", "1 * 2 = 2, making it 2".</summary>
    public static readonly HashSet<string> ResultWords = Words(
        "giving", "gives", "give", "yields", "yielding", "yield", "get", "gets", "getting", "got", "makes", "making",
        "leaves", "leaving", "equals", "is", "becomes", "become", "becoming", "resulting", "results", "producing", "produces");

    /// <summary>Words after which prose states a step's value: the result words, and "ends up at -6", "bringing it to 7".</summary>
    public static readonly HashSet<string> ProseResultWords = Words(
        "giving", "gives", "give", "yields", "yielding", "yield", "get", "gets", "getting", "got", "makes", "making",
        "leaves", "leaving", "equals", "becomes", "become", "becoming", "resulting", "results", "producing", "produces",
        "ends", "end", "ending", "finishes", "bringing", "brings", "turning", "turns", "reaching", "reaches", "reach", "result", "be");

    /// <summary>Filler between a prose result word and its value: "ends up at -6", "resulting in 1", "making it 7".</summary>
    public static readonly HashSet<string> ProseValueFillers = Words(
        "in", "to", "now", "us", "equal", "the", "value", "of", "at", "it", "be", "will", "would", "then", "again", "also",
        "still", "a", "new", "up", "being", "as", "with", "out", "total", "final", "them", "its");

    /// <summary>Words between a name and its value ("a3 is 9", "n_0 becomes -2", "a3 is now 2").</summary>
    public static readonly HashSet<string> AnchorWords = Words("is", "becomes", "equals", "now", "was");

    /// <summary>Filler skipped before a value: "resulting in -2", "sets n_0 to 0", "is now 5", "equal to 3".</summary>
    public static readonly HashSet<string> ValueFillers = Words("in", "to", "now", "us", "equal", "the", "value", "of", "at", "it", "be", "will", "would", "then", "again", "also", "still", "a", "new");

    /// <summary>A name after one of these is an operand ("add 2 to n_0", "multiply by n_1"), not a target.</summary>
    public static readonly HashSet<string> BlockingPrepositions = Words("to", "from", "by", "with", "of", "into", "plus", "minus", "times", "than");

    /// <summary>Operators written as words: a number followed by one is an operand ("-11 mod 7 = 3"), not a value.</summary>
    public static readonly HashSet<string> OperatorWords = Words(
        "mod", "modulo", "rem", "div", "times", "plus", "minus", "divided", "multiplied", "raised", "over", "xor", "shl", "shr");

    /// <summary>Declaration keywords that may open a statement.</summary>
    public static readonly HashSet<string> TypeKeywords = new(StringComparer.Ordinal) { "var", "let", "long", "double", "int", "const" };

    /// <summary>Verbs that name the operation of a prose step ("subtract a3 from a2, giving 9").</summary>
    public static readonly HashSet<string> OperationVerbs = Words(
        "subtract", "subtracting", "subtracted", "add", "adding", "added", "set", "setting", "assign", "multiply", "multiplying",
        "multiplied", "divide", "dividing", "divided", "increment", "incrementing", "incremented", "decrement", "decrementing",
        "decremented", "shift", "negate", "double", "update", "updating", "updated", "and", "or", "xor", "compute", "computing",
        "take", "increase", "increased", "increasing", "decrease", "decreased", "decreasing", "flip", "flipped", "flips");

    /// <summary>Verbs whose target is the name after "from"/"to"/"into" ("subtract a3 from a2", "add a1 to a4").</summary>
    public static readonly HashSet<string> PrepositionTargetVerbs = Words("subtract", "subtracting", "add", "adding");

    /// <summary>Verbs that write their named target directly (a single-assignment step may be their target).</summary>
    public static readonly HashSet<string> AssigningVerbs = Words("", "set", "setting", "assign", "compute", "computing");

    /// <summary>Words that make a sentence restate an input or a given initial value ("n_0 starts at 1", "initialize a0 to 4").</summary>
    public static readonly string[] EchoCues =
    [
        "initializ", "initialis", "initial", "start", "begin", "given", "input", "declar", "before the loop", "before any loop",
        "at first", "to begin", "first set",
    ];

    /// <summary>Phrases that show a statement left its variable unchanged ("a2 remains -2", "n_1 = n_1 (no change)").</summary>
    public static readonly Cues NoChangeCues = new(
        "no change", "unchanged", "remains", "remain ", "stays", "stay ", "doesn't change", "does not change", "don't change",
        "won't change", "will not change", "didn't change", "not change", "keeps its", "no effect");

    /// <summary>
    /// Phrases that make a value a loop summary rather than one step: "after the loop", "the loop runs 3 times, each time
    /// n_0 decreases by 2, so ...", "after 10 iterations", "three times", "in every iteration it remains 0".
    /// </summary>
    public static readonly Cues ShortcutCues = new(
        "after the loop", "after the inner loop", "after the outer loop", "after the nested loop", "after the first loop",
        "after the second loop", "after the third loop", "after the last loop", "after this loop", "after that loop",
        "after all", "after each loop", "after the entire", "after the whole", "after the for loop", "after the innermost",
        "after completing", "after the loops", "end of the loop", "end of the inner", "end of the outer", "end of all",
        "end of this loop", "when the loop", "once the loop", "loop ends", "loop finishes", "loop completes", "loop is done",
        "loops finish", "loops complete", "loops end", "by the end", "each time", "every time", "each iteration",
        "every iteration", "all iterations", "all the iterations", "all three iterations", "in total", " iterations,",
        " iterations.", " iterations ", "altogether", "throughout", "always", "repeatedly", "in the end", "overall",
        "for each iteration", "every pass", "each pass", "net effect", "cumulative", "total of", "number of times",
        "no matter how many", "all the way", "loop runs", "loops run", "runs again", "loop will run");

    /// <summary>
    /// "Repeat the process of the second and third loops, ...": a loop summary too, looked for only on lines with a repeat
    /// word (<see cref="WordTags.Repeat"/>), so that the phrases' common letters do not weaken <see cref="ShortcutCues"/>'
    /// letter screen on every other line.
    /// </summary>
    public static readonly Cues RepeatedProcessCues = new("repeat the process of", "repeating the process of");

    /// <summary>Words that count repetitions before "times" ("three times", "3 times"): a loop summary.</summary>
    public static readonly HashSet<string> CountWords = Words(
        "twice", "thrice", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "thousand", "n", "several", "multiple", "many");

    /// <summary>Tens that make "one" a count of many: "eighty-one times", "twenty one times".</summary>
    public static readonly HashSet<string> TensWords = Words("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    /// <summary>Phrases that make a sentence a closing readout: "the final value of a4 is -5", "at the end a4 is -5".</summary>
    public static readonly Cues ReadoutCues = new(
        "final value", "final values", "final state", "at the end", "in the end", "end result", "ends with", "ends at",
        "ends up", "end up", "finishes with", "after the loop", "after the loops", "after all", "after the function",
        "once the code", "once the function", "when the function", "final result", "finally,", "final:", "the end",
        "end of the", "end of all", "end of each");

    /// <summary>Calls that only show the value they hold: "print(5)", "sum(7)", "int(-3)"; any other call's lone argument is its input.</summary>
    public static readonly HashSet<string> ValueWrappers = new(StringComparer.OrdinalIgnoreCase)
    {
        "print", "sum", "int", "float", "str", "abs", "round", "return", "result", "answer", "output", "boxed",
    };

    /// <summary>Section headings that frame the lines below them: initial values echo, a state restates, final values read out.</summary>
    // "Start the inner loop ...:" is an instruction, no heading of the initial values: "start" only alone or before values.
    public static readonly string[] EchoHeaders = ["initial", "inputs", "given", "starting", "start:", "start values", "start state", "before the loop", "initialization", "initialisation", "declarations"];

    public static readonly string[] SnapshotHeaders = ["state", "current state", "trace", "values after", "variables after", "after iteration", "after the first", "after the second", "after the third", "after each"];

    public static readonly string[] ReadoutHeaders = ["final", "summary", "after the loop", "after the loops", "after all", "at the end", "end of", "result of the loop", "values at the end"];

    /// <summary>Nouns and verbs of a prose answer: "the output of the function is -5", "f returns 8", "the result is 3".</summary>
    public static readonly string[] AnswerSubjects =
    [
        "output", "return value", "returned value", "returns", "return", "returned", "answer", "result", "solution",
        "value of the function", "value of f", "function value", "sum is", "total is", "the sum", "final sum",
    ];

    /// <summary>Phrases of a task prompt ("Simulate this Python function.", "Enclose the solution between ... tags"): written after the
    /// reply's own work, they open an invented follow-on task whose answers are not answers to the question asked.</summary>
    public static readonly Cues TaskPromptCues = new(
        "simulate this python function", "enclose the solution between", "think step by step and then reply with the output",
        "python function f(n) for n=");

    /// <summary>
    /// Phrases of a new problem posed after the reply's work ("What is the value of k for which the following function
    /// ...?"); read only on lines that end with '?' or ':', since their words are common in any line.
    /// </summary>
    public static readonly Cues NewProblemCues = new(
        "the following function", "the following python function", "the following code", "the following python code", "this python function",
        "this python code");

    /// <summary>Words that place a loop summary at the end of the whole run ("After the outer loop completes, n_1 becomes -6").</summary>
    public static readonly Cues RunEndCues = new(
        "after the outer loop", "outer loop completes", "outer loop finishes", "outer loop ends", "after the outermost loop", "after all the loops",
        "after all loops");

    /// <summary>Headings that say an answer is another question's ("Answer to previous question:"): the tag under them is not this one's.</summary>
    public static readonly Cues OtherQuestionCues = new("previous question", "next question", "previous problem", "next problem");

    /// <summary>Headings of a list of options to choose from ("Possible Answers", "Select one of the following answers"): the tags under them are not answers.</summary>
    public static readonly Cues OptionsHeadings = new(
        "possible answers", "answer choices", "answer options", "select one of the following", "choose one of the following");

    /// <summary>Phrases that open a line with which a model abandons its work and starts again.</summary>
    public static readonly string[] RestartOpeners =
    [
        "wait", "actually", "hold on", "hmm", "oops", "correction", "no,", "no wait", "scratch that", "on second thought",
        "redo", "re-do", "recompute", "recalculat", "restart", "starting over", "start over", "retry", "let me try again",
    ];

    /// <summary>Restart phrases anywhere in a line.</summary>
    public static readonly string[] RestartPhrases =
    [
        "let me redo", "let me re-do", "let me recompute", "let me re-compute", "let me recalculate", "let me re-calculate",
        "let me start over", "let me try again", "let me restart", "let me fix", "let me correct", "i made a mistake",
        "i made an error", "that's wrong", "that is wrong", "that was wrong", "that's not right", "that is not right",
        "was incorrect", "is incorrect", "let's redo", "let's recompute", "let's start over", "let's recalculate", "redoing",
        "recomputing", "recalculating",
    ];

    /// <summary>Openers that may only announce a re-check ("Hmm, let me double-check"): a restart only if a value then changes.</summary>
    public static readonly string[] Hesitations = ["wait", "hmm", "hold on"];

    /// <summary>Words of a case weighed by parity: "if n is odd, n_4 will be 0" states no value.</summary>
    public static readonly HashSet<string> ParityWords = Words("even", "odd");

    /// <summary>The word that opens a case: with a <see cref="ParityWords"/> word in its sentence, a reading there is hypothetical.</summary>
    public static readonly HashSet<string> ConditionWords = Words("if");

    /// <summary>Words that separate the values of a list ("1, then 2, and finally 3"; "-1 -> -2 -> -3").</summary>
    public static readonly HashSet<string> ListJoiners = Words("then", "and", "finally", "lastly", "next", "after", "that", "to", "eventually", "ultimately", "becomes", "becoming", "back");

    /// <summary>Words that make a name-then-values span a list of successive values ("n_0 goes 1, 2, 3").</summary>
    public static readonly HashSet<string> ListVerbs = Words("goes", "go", "going", "takes", "values", "changes", "changing", "change", "become", "runs", "moves", "steps", "becomes", "is", "takes on", "through", "sequence", "progression");

    /// <summary>
    /// Plural words a number before them counts passes with ("after 3 iterations", "running 9 times", "2 more"): that
    /// number is a count of runs, not a value of the variable it follows.
    /// </summary>
    public static readonly HashSet<string> PassCounts = Words("iterations", "times", "passes", "rounds", "repetitions", "loops", "cycles", "steps", "more");

    /// <summary>Words naming an iteration ("iteration 2", "in the third pass").</summary>
    public static readonly HashSet<string> IterationWords = Words("iteration", "iterations", "pass", "round", "loop", "cycle", "step", "time", "repetition");

    /// <summary>Words that are never names in prose (with no program known, letters-then-digits identifiers are names).</summary>
    public static readonly HashSet<string> Prose = Words(
        "a", "an", "i", "is", "it", "to", "of", "so", "we", "the", "and", "or", "be", "by", "as", "at", "in", "on", "if", "no",
        "answer", "final", "result", "step", "value", "values", "total", "then", "now", "thus", "hence", "therefore",
        "var", "let", "long", "double", "int", "return", "new", "const", "e", "mod", "xor", "shl", "shr", "not",
        "line", "output", "input", "inputs", "outputs", "note", "check", "here", "this", "that", "which");
}
