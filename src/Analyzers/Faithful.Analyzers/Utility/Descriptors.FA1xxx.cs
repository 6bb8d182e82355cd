using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Utility;

// FA1xxx: the structure and arithmetic of [ReferenceProgram] methods.
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor FA1001_ConstructMustBeTraceable = new DiagnosticDescriptor(
        "FA1001",
        "Reference programs may only hold traceable steps",
        "{0} cannot be traced: {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A reference program is a straight line of steps: declarations and assignments (=, compound assignments, ++, --) of long or double variables built from arithmetic, bitwise and comparison-conditional expressions and Math.Abs/Min/Max, 'for' loops with constant bounds over such assignments, and one final 'return'.",
        helpLinkUri: HelpLinkBase + "FA1001.md");

    public static readonly DiagnosticDescriptor FA1002_ApiMustBeDeterministic = new DiagnosticDescriptor(
        "FA1002",
        "Reference programs must not use non-deterministic or environment-dependent APIs",
        "'{0}' is non-deterministic or reads the environment: a reference program must compute its answer from its inputs alone",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Ground truth must be reproducible: random numbers, clocks, GUIDs, environment variables, the console, files and the network give a different answer on every run.",
        helpLinkUri: HelpLinkBase + "FA1002.md");

    public static readonly DiagnosticDescriptor FA1003_VariableMustBeDeclaredOnce = new DiagnosticDescriptor(
        "FA1003",
        "A step variable must be declared once",
        "'{0}' is declared more than once in reference program '{1}': give the new step its own name",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Reassigning a variable is a legal step (it writes the next version), but declaring a second local with the same name, or a local that reuses a parameter's name, makes the step names ambiguous.",
        helpLinkUri: HelpLinkBase + "FA1003.md");

    public static readonly DiagnosticDescriptor FA1004_VariableMustBeWrittenBeforeRead = new DiagnosticDescriptor(
        "FA1004",
        "A step may only read variables already written",
        "'{0}' is read before it is written",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each step reads the latest value of earlier inputs and steps; a read of a local before its first write has no value to trace.",
        helpLinkUri: HelpLinkBase + "FA1004.md");

    public static readonly DiagnosticDescriptor FA1005_StepShouldBeRead = new DiagnosticDescriptor(
        "FA1005",
        "A step should be read or be the answer",
        "Step '{0}' is never read and is not the answer",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A step that nothing reads does not influence the answer. Remove it, or mark it [Distractor(\"name\")] when it is there on purpose to test whether a model is distracted.",
        helpLinkUri: HelpLinkBase + "FA1005.md");

    public static readonly DiagnosticDescriptor FA1006_DivisionMustNotBeByZero = new DiagnosticDescriptor(
        "FA1006",
        "A step may divide by zero on the declared input domain",
        "Step '{0}' divides by zero when {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Interval analysis over the steps, on the ranges given by [Domain(min, max)], found inputs for which a division or remainder has a zero divisor.",
        helpLinkUri: HelpLinkBase + "FA1006.md");

    public static readonly DiagnosticDescriptor FA1007_StepMustNotOverflow = new DiagnosticDescriptor(
        "FA1007",
        "A step may overflow long on the declared input domain",
        "Step '{0}' overflows long when {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Interval analysis over the steps, on the ranges given by [Domain(min, max)], found inputs for which a long operation wraps around.",
        helpLinkUri: HelpLinkBase + "FA1007.md");

    public static readonly DiagnosticDescriptor FA1008_ProgramShouldFitStepBudget = new DiagnosticDescriptor(
        "FA1008",
        "A reference program should fit the step budget",
        "Reference program '{0}' has {1} steps, more than the step budget of {2}: split it into checkpointed sub-programs",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Models' first-answer accuracy falls from 61% at 5 steps to 20% at 95. Set the budget with 'faithful_step_budget' in .editorconfig (default 20) and the severity with 'dotnet_diagnostic.FA1008.severity'.",
        helpLinkUri: HelpLinkBase + "FA1008.md");

    public static readonly DiagnosticDescriptor FA1009_TypeMustBeSupported = new DiagnosticDescriptor(
        "FA1009",
        "Reference program values must be long or double",
        "{0} has type '{1}': reference program inputs, steps and answers must be 'long' or 'double'",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The step model, the reference evaluator and the GPU kernel compute in long and double only.",
        helpLinkUri: HelpLinkBase + "FA1009.md");

    public static readonly DiagnosticDescriptor FA1010_ProgramShouldFitMeasuredLength = new DiagnosticDescriptor(
        "FA1010",
        "A reference program should be shorter than the length where the measured model stops being faithful",
        "Reference program '{0}' has {1} steps; in the baseline, model '{2}' measured {3} {4} at {5} steps, below the threshold {6}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Reads a faithful.baseline/1 file (an AdditionalFile named *.baseline.json, written by 'faithful bless') and compares each program's length with the shortest measured length at which a model's score falls below 'faithful_baseline_threshold' (default 0.5) of 'faithful_baseline_metric' (step_faithfulness or first_answer_accuracy).",
        helpLinkUri: HelpLinkBase + "FA1010.md");

    public static readonly DiagnosticDescriptor FA1011_BaselineMustBeReadable = new DiagnosticDescriptor(
        "FA1011",
        "A baseline file must be a faithful.baseline/1 document",
        "Baseline '{0}' cannot be read: {1}; write a new one with 'faithful bless'",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The *.baseline.json additional file that FA1010 reads is malformed or has another format.",
        helpLinkUri: HelpLinkBase + "FA1011.md");

    // FA1012-FA1016: what makes the generator leave a [ReferenceProgram] out of ReferencePrograms.All, each with its cause.
    public static readonly DiagnosticDescriptor FA1012_DomainMustHoldValues = new DiagnosticDescriptor(
        "FA1012",
        "A [Domain] must be a range a decimal can hold",
        "Reference program '{0}' is left out of the generated catalog: {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Domain(min, max)] declares the inclusive range of an input and is stored as two decimals. A range whose minimum is above its maximum holds no value, and a bound that is NaN, infinite or beyond ±7.9e28 cannot be stored; the generator cannot build the program's Domain and leaves the program out.",
        helpLinkUri: HelpLinkBase + "FA1012.md");

    public static readonly DiagnosticDescriptor FA1013_ProgramMustFitStepLimit = new DiagnosticDescriptor(
        "FA1013",
        "A reference program must unroll to at most 10,000 steps",
        "Reference program '{0}' is left out of the generated catalog: it unrolls to {1} steps and every Faithful tool stops at {2}; use smaller loop bounds or split it into several programs",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Loops unroll into one step per executed assignment. The analyzers, the generator, the source reader and GpuRef share one limit (ProgramLimits.MaxSteps, 10,000 steps); a longer program is left out of the catalog.",
        helpLinkUri: HelpLinkBase + "FA1013.md");

    public static readonly DiagnosticDescriptor FA1014_DistractorMustNameStep = new DiagnosticDescriptor(
        "FA1014",
        "A [Distractor] must name a step of its program",
        "Reference program '{0}' is left out of the generated catalog: {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Distractor(\"name\")] marks a step (s3, a3#2) or every write of a variable as computed on purpose but never read. A name that matches no step is almost surely a typo, so the generator leaves the program out rather than guess.",
        helpLinkUri: HelpLinkBase + "FA1014.md");

    public static readonly DiagnosticDescriptor FA1015_LoopMustUnrollWithoutFault = new DiagnosticDescriptor(
        "FA1015",
        "Unrolling a loop must not fault",
        "Reference program '{0}' is left out of the generated catalog: {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Loop counters and the constant expressions over them are computed while unrolling, with C#'s semantics; one that divides by zero or overflows in a checked context would throw at run time on every input, so the program is left out.",
        helpLinkUri: HelpLinkBase + "FA1015.md");

    public static readonly DiagnosticDescriptor FA1016_ProgramMustBeGenerated = new DiagnosticDescriptor(
        "FA1016",
        "The generator must be able to extract a reference program",
        "Reference program '{0}' is left out of the generated catalog: {1}",
        Categories.ReferenceProgram,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator's own verdict, reported when it leaves a program out and no more specific Faithful rule says why: for example overloaded programs (they would share an id) or an expression nested deeper than the shared limit.",
        helpLinkUri: HelpLinkBase + "FA1016.md");
}
