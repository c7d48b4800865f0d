using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.UnitTests.ApiKeys;

public sealed class CallerRulesTests
{
    [Fact]
    public void RequirePlatformOrRegulator_LetsThePlatformItselfAndTheRegulator()
    {
        new Caller.Platform("p-1").RequirePlatformOrRegulator("p-1");
        new Caller.Regulator().RequirePlatformOrRegulator("p-1");
    }

    [Fact]
    public void RequirePlatformOrRegulator_RefusesAnotherPlatformAndAnAgency()
    {
        var other = Assert.Throws<ForbiddenException>(() => new Caller.Platform("p-2").RequirePlatformOrRegulator("p-1"));
        Assert.Throws<ForbiddenException>(() => new Caller.Platform("P-1").RequirePlatformOrRegulator("p-1"));
        Assert.Throws<ForbiddenException>(() => new Caller.Agency("p-1").RequirePlatformOrRegulator("p-1"));

        Assert.Contains("A platform may act only on its own data", other.Message, StringComparison.Ordinal);
    }
}
