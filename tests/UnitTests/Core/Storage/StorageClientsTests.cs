using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.UnitTests.Core.Storage;

public class StorageClientsTests
{
    [Fact]
    public void Clients_DevelopmentStorage_PointAtAzuriteOnItsStandardPorts()
    {
        using var provider = AppStart.Services(AppStart.LocalSettings());

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", provider.GetRequiredService<BlobServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", provider.GetRequiredService<QueueServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", provider.GetRequiredService<TableServiceClient>().Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void Clients_ConnectionStringWithOtherPorts_FollowIt()
    {
        var settings = AppStart.LocalSettings();
        settings["AzureWebJobsStorage"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;"
            + "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;";
        using var provider = AppStart.Services(settings);

        Assert.Equal(41000, provider.GetRequiredService<BlobServiceClient>().Uri.Port);
        Assert.Equal(41001, provider.GetRequiredService<QueueServiceClient>().Uri.Port);
        Assert.Equal(41002, provider.GetRequiredService<TableServiceClient>().Uri.Port);
    }

    [Fact]
    public void Clients_AccountName_UseTheAccountsHttpsEndpointsWithoutAKey()
    {
        var settings = AppStart.LocalSettings();
        settings["AzureWebJobsStorage"] = null;
        settings["AzureWebJobsStorage__accountName"] = "stetx";
        using var provider = AppStart.Services(settings);

        var blobs = provider.GetRequiredService<BlobServiceClient>();
        Assert.Equal("https://stetx.blob.core.windows.net/", blobs.Uri.ToString());
        Assert.False(blobs.CanGenerateAccountSasUri); // no shared key behind it
        Assert.Equal("https://stetx.queue.core.windows.net/", provider.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://stetx.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.ToString());
    }

    [Fact]
    public void Clients_AreBuiltOnce()
    {
        using var provider = AppStart.Services(AppStart.LocalSettings());

        Assert.Same(provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<BlobServiceClient>());
        Assert.Same(provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<TableServiceClient>());
    }
}
