using Etransactions.UnitTests.Support;

namespace Etransactions.UnitTests.Core.Settings;

public class SettingsValidationTests
{
    [Fact]
    public void Start_LocalSettings_Passes()
    {
        Assert.Empty(AppStart.Failures());
    }

    [Fact]
    public void Start_TaskHubMissing_NamesTheSetting()
    {
        Assert.Equal(["App setting DURABLE_TASK_HUB: is missing"], AppStart.Failures(("DURABLE_TASK_HUB", null)));
        Assert.Equal(["App setting DURABLE_TASK_HUB: is missing"], AppStart.Failures(("DURABLE_TASK_HUB", " ")));
    }

    [Theory]
    [InlineData("bad-hub!")]
    [InlineData("1hub")]
    [InlineData("ab")]
    public void Start_TaskHubMalformed_NamesTheSettingAndRule(string value)
    {
        Assert.Equal(
            ["App setting DURABLE_TASK_HUB: must be 3-45 letters and digits, starting with a letter"],
            AppStart.Failures(("DURABLE_TASK_HUB", value)));
    }

    [Fact]
    public void Start_NeitherStorageForm_NamesAzureWebJobsStorage()
    {
        var failures = AppStart.Failures(("AzureWebJobsStorage", null), ("AzureWebJobsStorage__accountName", ""));

        var failure = Assert.Single(failures);
        Assert.StartsWith("App setting AzureWebJobsStorage: is missing", failure, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_BothStorageForms_NamesBothWithoutEchoingTheConnectionString()
    {
        const string connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var failures = AppStart.Failures(("AzureWebJobsStorage", connection), ("AzureWebJobsStorage__accountName", "stetx"));

        var failure = Assert.Single(failures);
        Assert.StartsWith("App setting AzureWebJobsStorage: is set, and so is AzureWebJobsStorage__accountName", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_IdentityForm_Passes()
    {
        Assert.Empty(AppStart.Failures(
            ("AzureWebJobsStorage", null),
            ("AzureWebJobsStorage__accountName", "stetx"),
            ("AzureWebJobsStorage__clientId", "5a4e3b2c-1d0e-4f3a-9b8c-7d6e5f4a3b2c")));
    }

    [Fact]
    public void Start_MalformedAccountNameAndClientId_NamesEach()
    {
        var failures = AppStart.Failures(
            ("AzureWebJobsStorage", null),
            ("AzureWebJobsStorage__accountName", "St_Etx"),
            ("AzureWebJobsStorage__clientId", "not-a-guid"));

        Assert.Equal(
            [
                "App setting AzureWebJobsStorage__accountName: must be 3-24 lowercase letters and digits",
                "App setting AzureWebJobsStorage__clientId: must be the client id (a GUID) of the managed identity",
            ],
            failures);
    }

    [Theory]
    [InlineData("this is not one")]
    [InlineData("=;=")]
    [InlineData("AccountName=x")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1")]
    public void Start_ConnectionStringTheSdkRefuses_NamesTheSetting(string connectionString)
    {
        Assert.Equal(
            ["App setting AzureWebJobsStorage: is not a storage connection string with Blob, Queue and Table endpoints"],
            AppStart.Failures(("AzureWebJobsStorage", connectionString)));
    }
}
