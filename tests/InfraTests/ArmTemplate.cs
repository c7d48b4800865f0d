using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Etransactions.InfraTests;

/// <summary>
/// A compiled ARM template and the templates of its modules (nested deployments), with the little
/// expression resolution the tests need: `[parameters('x')]` and `[variables('x')]`, followed through the
/// values a deployment passes to its module.
/// </summary>
internal sealed partial class ArmTemplate
{
    private readonly JsonObject _template;
    private readonly JsonObject? _parameterValues;
    private readonly ArmTemplate? _parent;

    public ArmTemplate(JsonObject template, JsonObject? parameterValues = null, ArmTemplate? parent = null)
    {
        _template = template;
        _parameterValues = parameterValues;
        _parent = parent;
    }

    /// <summary>This template as JSON text.</summary>
    public string Json => _template.ToJsonString();

    /// <summary>Every resource of this template and of its modules, each with the template declaring it.</summary>
    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> AllResources()
    {
        var resources = _template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return (this, resource);
            if ((string?)resource["type"] == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested)
            {
                var module = new ArmTemplate(nested, resource["properties"]?["parameters"] as JsonObject, this);
                foreach (var inner in module.AllResources())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The resources of one type, anywhere.</summary>
    public IReadOnlyList<(ArmTemplate Template, JsonObject Resource)> OfType(string type) =>
        AllResources().Where(item => string.Equals((string?)item.Resource["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The value at a dotted path under a resource, with parameters and variables resolved.</summary>
    public JsonNode? Value(JsonObject resource, string path)
    {
        JsonNode? node = resource;
        foreach (var step in path.Split('.'))
        {
            node = Resolve(node)?[step];
        }
        return Resolve(node);
    }

    /// <summary>Follows `[parameters('x')]` and `[variables('x')]`; any other value is returned as it is.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return node;
        }
        var reference = Reference().Match(text);
        if (!reference.Success)
        {
            return node;
        }
        var name = reference.Groups["name"].Value;
        if (reference.Groups["kind"].Value == "variables")
        {
            return Resolve(_template["variables"]?[name]);
        }
        if (_parameterValues?[name] is JsonObject passed && passed.ContainsKey("value"))
        {
            return _parent is null ? passed["value"] : _parent.Resolve(passed["value"]);
        }
        return Resolve(_template["parameters"]?[name]?["defaultValue"]);
    }

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex Reference();
}
