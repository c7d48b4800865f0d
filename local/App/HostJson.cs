namespace Etransactions.Local.App;

/// <summary>What the local host reads from the app's host.json, as the Functions host would.</summary>
public sealed record HostJson(string RoutePrefix, string DurableHubName, bool QueueMessagesAreBase64, TimeSpan FunctionTimeout)
{
    public static HostJson Load(string file, AppSettings settings)
    {
        var root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidOperationException($"{file} is empty.");
        var extensions = root["extensions"];
        var prefix = extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        var hub = settings.Resolve(extensions?["durableTask"]?["hubName"]?.GetValue<string>() ?? "TestHubName");
        var encoding = extensions?["queues"]?["messageEncoding"]?.GetValue<string>() ?? "base64";
        var timeout = root["functionTimeout"]?.GetValue<string>() is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(30);
        return new HostJson(prefix.Trim('/'), hub, encoding.Equals("base64", StringComparison.OrdinalIgnoreCase), timeout);
    }
}
