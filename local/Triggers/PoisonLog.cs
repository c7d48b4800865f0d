using Azure.Data.Tables;

namespace Etransactions.Local.Triggers;

/// <summary>
/// Why each poison item became poison. A poison queue message carries the item unchanged (the app may
/// replay it), so the reason is kept beside it, in the table `LocalHostPoison`, and in the host's log.
/// </summary>
public sealed class PoisonLog(string connectionString, ILogger<PoisonLog> logger)
{
    public const string Table = "LocalHostPoison";

    private readonly TableClient _table = new(connectionString, Table);

    public async Task RecordAsync(string function, string item, int attempts, string reason)
    {
        logger.LogError("{Function}: {Item} is poison after {Attempts} attempts: {Reason}", function, item, attempts, reason);
        await _table.CreateIfNotExistsAsync();
        await _table.AddEntityAsync(new TableEntity(function, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}")
        {
            ["Item"] = item,
            ["Attempts"] = attempts,
            ["Reason"] = reason,
        });
    }
}
