using Azure.Storage.Blobs;

namespace Etransactions.TestApp;

/// <summary>
/// Where the test app's non-HTTP functions record what they received, so a test can see it: a blob
/// `received/{kind}/{id}.json` in the app's own storage.
/// </summary>
public static class Received
{
    public static async Task RecordAsync(string kind, string id, object what)
    {
        var container = new BlobContainerClient(Environment.GetEnvironmentVariable("AzureWebJobsStorage"), "received");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{kind}/{id}.json").UploadAsync(BinaryData.FromObjectAsJson(what), overwrite: true);
    }
}
