namespace Etransactions.Local.Rpc;

/// <summary>The shapes of trigger data the worker's extensions read.</summary>
public static class BindingData
{
    /// <summary>Deferred binding: the extension builds the SDK type (BlobClient, QueueMessage) from this JSON itself.</summary>
    public static TypedData Model(string source, object content) => new()
    {
        ModelBindingData = new ModelBindingData
        {
            Version = "1.0",
            Source = source,
            ContentType = "application/json",
            Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(content)),
        },
    };

    public static TypedData Text(string value) => new() { String = value };
}
