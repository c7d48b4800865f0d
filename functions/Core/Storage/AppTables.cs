using Azure.Data.Tables;

namespace Etransactions.Functions.Core.Storage;

/// <summary>
/// The app's tables, each created once per process at first use. Every store reaches its table here, so
/// creating tables and the common row operations are done one way.
/// </summary>
public sealed class AppTables(TableServiceClient service)
{
    private readonly Dictionary<string, AppTable> _tables = [];

    public AppTable this[string name]
    {
        get
        {
            lock (_tables)
            {
                if (!_tables.TryGetValue(name, out var table))
                {
                    table = new AppTable(service.GetTableClient(name));
                    _tables[name] = table;
                }
                return table;
            }
        }
    }
}

/// <summary>
/// One table: rows are <see cref="TableEntity"/>s with one typed column per field (<see cref="TableRow"/>
/// builds them), read and written through the few operations every store needs.
/// </summary>
public sealed class AppTable(TableClient client)
{
    private readonly Lazy<Task> _created = new(() => client.CreateIfNotExistsAsync());

    public string Name => client.Name;

    /// <summary>The client itself, for what the operations below do not cover (conditional updates, deletes).</summary>
    public async Task<TableClient> ClientAsync()
    {
        await _created.Value;
        return client;
    }

    public async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellation)
    {
        await _created.Value;
        var found = await client.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellation);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Creates the row if it is missing, or reads the one that is there: the way a first writer wins and
    /// every later one (a retry, a concurrent request) learns what was kept.
    /// </summary>
    public async Task<(TableEntity Row, bool Created)> AddOrReadAsync(TableEntity row, CancellationToken cancellation)
    {
        await _created.Value;
        try
        {
            var added = await client.AddEntityAsync(row, cancellation);
            row.ETag = added.Headers.ETag ?? row.ETag;
            return (row, true);
        }
        catch (Azure.RequestFailedException exists) when (exists.Status == 409)
        {
            var kept = await client.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellation);
            return (kept.Value, false);
        }
    }

    /// <summary>Writes the row whole, whatever was there.</summary>
    public async Task UpsertAsync(TableEntity row, CancellationToken cancellation)
    {
        await _created.Value;
        await client.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellation);
    }

    /// <summary>Every row of one partition, in row-key order (the order Table storage returns).</summary>
    public async IAsyncEnumerable<TableEntity> ListPartitionAsync(
        string partition, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await _created.Value;
        await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellation))
        {
            yield return row;
        }
    }

    /// <summary>Rows matching an OData filter built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>; every row for null.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await _created.Value;
        await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            yield return row;
        }
    }
}

/// <summary>Builds table rows with one typed column per field.</summary>
public static class TableRow
{
    /// <summary>A row with the given columns; columns whose value is null are left out, as Table storage would.</summary>
    public static TableEntity Of(string partition, string row, IEnumerable<KeyValuePair<string, object?>> columns)
    {
        var entity = new TableEntity(partition, row);
        foreach (var (name, value) in columns)
        {
            if (value is not null)
            {
                entity[name] = value;
            }
        }
        return entity;
    }

    /// <summary>A version number as a row key that sorts as a number: <c>v000012</c>.</summary>
    public static string VersionKey(int version) => $"v{version:D6}";
}
