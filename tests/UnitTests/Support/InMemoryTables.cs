using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Etransactions.UnitTests.Support;

/// <summary>
/// Tables held in memory, for stores' callers tested without storage: rows are inserted once (a second insert
/// of a key is a 409, as Table storage answers), read by key, and queried whole or by partition, in key order.
/// </summary>
internal sealed partial class InMemoryTables : TableServiceClient
{
    private readonly Dictionary<string, InMemoryTable> _tables = new(StringComparer.Ordinal);

    public override TableClient GetTableClient(string tableName)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(tableName, out var table))
            {
                table = new InMemoryTable(tableName);
                _tables[tableName] = table;
            }
            return table;
        }
    }

    private sealed partial class InMemoryTable(string name) : TableClient
    {
        private readonly SortedDictionary<(string Partition, string Row), TableEntity> _rows = new(Comparer<(string, string)>.Create(
            (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var byPartition and not 0 ? byPartition : string.CompareOrdinal(a.Item2, b.Item2)));

        public override string Name => name;

        public override Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(Response.FromValue(new TableItem(name), new EmptyResponse(204)));

        public override Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        {
            lock (_rows)
            {
                if (!_rows.TryAdd((entity.PartitionKey, entity.RowKey), Copy(entity)))
                {
                    throw new RequestFailedException(409, "The specified entity already exists.", "EntityAlreadyExists", null);
                }
            }
            return Task.FromResult<Response>(new EmptyResponse(204));
        }

        public override Task<Response<T>> GetEntityAsync<T>(
            string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Response.FromValue((T)(ITableEntity)Find(partitionKey, rowKey)!, new EmptyResponse(200)));

        public override Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(
            string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<NullableResponse<T>>(new Found<T>(Find(partitionKey, rowKey) is { } row ? (T)(ITableEntity)row : null));

        public override AsyncPageable<T> QueryAsync<T>(
            string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        {
            // The stores here query a whole table or one partition; any other filter is beyond this fake.
            string? partition = null;
            if (filter is not null)
            {
                var match = PartitionFilter().Match(filter);
                partition = match.Success ? match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal) : throw new NotSupportedException($"Filter {filter}");
            }
            List<T> rows;
            lock (_rows)
            {
                rows = [.. _rows.Values.Where(row => partition is null || row.PartitionKey == partition).Select(row => (T)(ITableEntity)Copy(row))];
            }
            return AsyncPageable<T>.FromPages([Page<T>.FromValues(rows, null, new EmptyResponse(200))]);
        }

        private TableEntity? Find(string partition, string row)
        {
            lock (_rows)
            {
                return _rows.TryGetValue((partition, row), out var found) ? Copy(found) : null;
            }
        }

        private static TableEntity Copy(ITableEntity entity) => entity is TableEntity row
            ? new TableEntity(row) { ETag = new ETag("W/\"1\"") }
            : throw new NotSupportedException("Only TableEntity rows.");

        [GeneratedRegex(@"^PartitionKey eq '((?:[^']|'')*)'$")]
        private static partial Regex PartitionFilter();
    }

    private sealed class Found<T>(T? value) : NullableResponse<T>
    {
        public override bool HasValue => value is not null;

        [SuppressMessage("Design", "CA1065:Do not raise exceptions in unexpected locations", Justification = "As the SDK's own response does for a missing value.")]
        public override T Value => value ?? throw new InvalidOperationException("No value.");

        public override Response GetRawResponse() => new EmptyResponse(HasValue ? 200 : 404);
    }

    private sealed class EmptyResponse(int status) : Response
    {
        public override int Status => status;
        public override string ReasonPhrase => "";
        public override Stream? ContentStream { get; set; }
        public override string ClientRequestId { get; set; } = "";
        public override void Dispose() { }
        protected override bool ContainsHeader(string name) => false;
        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];
        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
