using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

/// <summary>Random stress programs are test support: they ship in no package.</summary>
public sealed class TestSupportBoundaryTests
{
    [Fact]
    public void Stress_programs_live_in_test_support_not_in_Faithful_Core()
    {
        Assert.Equal("Faithful.TestSupport", typeof(StressPrograms).Assembly.GetName().Name);
        Assert.DoesNotContain(typeof(StepProgram).Assembly.GetTypes(), t => t.Name.Contains("Stress", StringComparison.Ordinal) || t.Name.Contains("RandomProgram", StringComparison.Ordinal));
    }
}
