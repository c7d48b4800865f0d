using Etransactions.Functions.Core.Http;

namespace Etransactions.UnitTests.Core.Http;

public class FieldPathTests
{
    [Theory]
    [InlineData(null, "(body)")]
    [InlineData("$", "(body)")]
    [InlineData("$.name", "name")]
    [InlineData("$.administrator.focalPoint.email", "administrator.focalPoint.email")]
    [InlineData("$.months[3].activeUsers", "months.3.activeUsers")]
    [InlineData("$[0]", "0")]
    [InlineData("$['a b'].c", "a b.c")]
    public void FromJsonPath_SerializerPath_IsTheApisPath(string? jsonPath, string expected)
    {
        Assert.Equal(expected, FieldPath.FromJsonPath(jsonPath));
    }

    [Fact]
    public void ChildAndIndex_FromTheRoot_StartWithoutAPrefix()
    {
        Assert.Equal("months.3.month", FieldPath.Child(FieldPath.Index(FieldPath.Child(FieldPath.Root, "months"), 3), "month"));
    }
}
