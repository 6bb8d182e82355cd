using Faithful.Model;

namespace Faithful.Execution;

/// <summary>
/// One slot of a program's state replaced by a value: an input (slot below the parameter count) or the step whose
/// value lives in slot <c>P + i</c>. The value's kind must be the slot's.
/// </summary>
public readonly record struct SlotOverride(int Slot, Value Value);
