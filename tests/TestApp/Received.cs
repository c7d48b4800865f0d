using Azure.Storage.Blobs;

namespace Etransactions.TestApp;

/// <summary>
/// Where the test app's non-HTTP functions record what they received, so a test can see it: a blob
/// `{RECEIVED_CONTAINER}/{kind}/{id}.json` in the app's own storage (each test host names its own).
/// </summary>
public static class Received
{
    public static async Task RecordAsync(string kind, string id, object what)
    {
        var container = new BlobContainerClient(
            Environment.GetEnvironmentVariable("AzureWebJobsStorage"), Environment.GetEnvironmentVariable("RECEIVED_CONTAINER") ?? "received");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{kind}/{id}.json").UploadAsync(BinaryData.FromObjectAsJson(what), overwrite: true);
    }
}
