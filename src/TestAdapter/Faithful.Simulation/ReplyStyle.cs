namespace Faithful.Traces.Simulation;

/// <summary>How a simulated reply is written, so that the parser meets the formats real models use.</summary>
public enum ReplyStyle
{
    /// <summary><c>s3 = 42</c> lines and <c>Final answer: 42</c>, as the process-aware prompt asks.</summary>
    Strict,

    /// <summary><c>Step 3: s3 = s2 + a = 40 + 2 = 42</c>: numbered, with the computation shown.</summary>
    NumberedWithWork,

    /// <summary>A markdown list with chatter before it and a bold final answer.</summary>
    Markdown,

    /// <summary><c>s3 = 42</c> lines and the answer in <c>&lt;result&gt;42&lt;/result&gt;</c> tags.</summary>
    Tagged,

    /// <summary>Variable-named, for register programs: <c>a3 -= a2 -> a3 = 2 - (-7) = 9</c>.</summary>
    Variables,

    /// <summary>Variable-named numbered list: <c>3. a3 = 9</c>.</summary>
    NumberedVariables,

    /// <summary>
    /// Real-reply style: prose sentences, several steps to a line ("First, a3 becomes -7 + 9 = 2. Then a3 becomes 11."),
    /// and a prose answer ("So the function returns 20.").
    /// </summary>
    Prose,

    /// <summary>
    /// Real-reply style: a numbered list that starts with the initial values (<c>1. a0 = 4, a1 = -3</c>), so item numbers
    /// and step numbers differ by one.
    /// </summary>
    EchoedList,

    /// <summary>Real-reply style: a state snapshot after every step (<c>State: a0 = 1, a1 = -2, a2 = 5</c>).</summary>
    Snapshots,

    /// <summary>Real-reply style: the answer only as a closing readout ("So the value of a3 at the end is 20.").</summary>
    Readout,

    /// <summary>
    /// Real-reply style: the code re-printed first (statements without values), unchanged writes as "a2 remains -2", and
    /// the answer in <c>\boxed{}</c>.
    /// </summary>
    CodeFirst,
}
