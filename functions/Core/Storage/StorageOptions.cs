using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Core.Storage;

/// <summary>
/// The storage account, named by the same settings the host's bindings use: a connection string locally
/// (Azurite), the account name and a managed identity in Azure, where no key exists.
/// </summary>
public sealed partial class StorageOptions : IValidatableObject
{
    [ConfigurationKeyName("AzureWebJobsStorage")]
    public string? ConnectionString { get; set; }

    [ConfigurationKeyName("AzureWebJobsStorage:accountName")]
    public string? AccountName { get; set; }

    /// <summary>Client id of the user-assigned managed identity; unset: the system-assigned one.</summary>
    [ConfigurationKeyName("AzureWebJobsStorage:clientId")]
    public string? ClientId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConnectionString is null && AccountName is null)
        {
            yield return new(
                "is missing: set it to a connection string locally (UseDevelopmentStorage=true), or set AzureWebJobsStorage__accountName in Azure",
                [nameof(ConnectionString)]);
        }
        else if (ConnectionString is not null && AccountName is not null)
        {
            yield return new(
                "is set, and so is AzureWebJobsStorage__accountName: set exactly one, the connection string locally or the account name in Azure",
                [nameof(ConnectionString)]);
        }
        else if (ConnectionString is not null && !IsConnectionString(ConnectionString))
        {
            yield return new(
                "is not a storage connection string with Blob, Queue and Table endpoints", [nameof(ConnectionString)]);
        }

        if (AccountName is not null && !AccountNamePattern().IsMatch(AccountName))
        {
            yield return new("must be 3-24 lowercase letters and digits", [nameof(AccountName)]);
        }

        if (ClientId is not null && !Guid.TryParse(ClientId, out _))
        {
            yield return new("must be the client id (a GUID) of the managed identity", [nameof(ClientId)]);
        }
    }

    // The SDKs parse the connection string when a client is built (no request is sent): a string they
    // refuse would otherwise fail the first function that touches storage, far from its cause.
    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            _ = new QueueServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}
