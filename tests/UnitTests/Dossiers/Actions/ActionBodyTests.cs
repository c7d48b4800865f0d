using System.Text;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Actions;

namespace Etransactions.UnitTests.Dossiers.Actions;

/// <summary>The body of an action is bounded before anything of it is kept in the dossier's history.</summary>
public class ActionBodyTests
{
    [Theory]
    [InlineData("""{"action":"requestSupplement","missing":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u"]}""", "missing")]
    [InlineData("""{"action":"requestSupplement","missing":["to-khai",""]}""", "missing")]
    [InlineData("""{"action":"completeSupplement","components":[{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"},{"id":"a","fileName":"a.pdf","contentBase64":"JVBE"}]}""", "components")]
    [InlineData("""{"action":"dance"}""", "action")]
    public void An_unbounded_or_unknown_action_is_refused_naming_its_field(string json, string field)
    {
        var refused = Assert.Throws<ValidationFailedException>(() => JsonBody.Deserialize<ActionBody>(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(field, Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public void Twenty_items_of_what_is_missing_are_taken()
    {
        var json = $$"""{"action":"requestSupplement","missing":[{{string.Join(',', Enumerable.Range(1, 20).Select(i => $"\"{new string('x', 300)}\""))}}]}""";

        Assert.Equal(20, JsonBody.Deserialize<ActionBody>(Encoding.UTF8.GetBytes(json)).Missing!.Count);
    }
}
