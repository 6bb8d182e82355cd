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
}
