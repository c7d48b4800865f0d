namespace Etransactions.Local.Rpc;

/// <summary>One function of the app, as the worker described it: its id, name and bindings.</summary>
public sealed record AppFunction(string Id, string Name, RpcFunctionMetadata Metadata, IReadOnlyList<JsonObject> Bindings)
{
    public JsonObject Trigger => Bindings.First(binding => Type(binding).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
    public string TriggerType => Type(Trigger);

    /// <summary>The name of the trigger's parameter, under which its data is sent.</summary>
    public string TriggerParameter => Trigger["name"]?.GetValue<string>() ?? throw new InvalidOperationException($"{Name}: trigger without a name");

    public bool Is(string triggerType) => TriggerType.Equals(triggerType, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<JsonObject> InputsOfType(string type) =>
        Bindings.Where(binding => Type(binding).Equals(type, StringComparison.OrdinalIgnoreCase)
            && !"out".Equals(binding["direction"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase));

    public string? Property(string name) => Trigger[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };

    /// <summary>The worker binds SDK types (BlobClient, QueueMessage) from model binding data when it says so.</summary>
    public bool SupportsDeferredBinding =>
        "True".Equals(Trigger["properties"]?["supportsDeferredBinding"]?.ToString(), StringComparison.OrdinalIgnoreCase);

    public static AppFunction From(RpcFunctionMetadata metadata)
    {
        var bindings = metadata.RawBindings.Select(raw => JsonNode.Parse(raw)!.AsObject()).ToList();
        var id = string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId;
        return new AppFunction(id, metadata.Name, metadata, bindings);
    }

    private static string Type(JsonObject binding) => binding["type"]?.GetValue<string>() ?? "";
}
