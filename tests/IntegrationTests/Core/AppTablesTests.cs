using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Core;

/// <summary>The stores' table operations against Azurite's Table service.</summary>
public sealed class AppTablesTests(SharedAzurite azurite)
{
    private readonly AppTables _tables = new(new TableServiceClient(azurite.ConnectionString));

    private static string NewTableName() => $"t{Guid.NewGuid():N}";

    [Fact]
    public async Task The_first_writer_creates_the_row_and_a_later_one_reads_what_was_kept()
    {
        var table = _tables[NewTableName()];
        var cancellation = TestContext.Current.CancellationToken;

        var (first, created) = await table.AddOrReadAsync(TableRow.Of("p", "r", [new("Value", 1), new("Absent", null)]), cancellation);
        var (second, createdAgain) = await table.AddOrReadAsync(TableRow.Of("p", "r", [new("Value", 2)]), cancellation);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(1, second.GetInt32("Value"));
        Assert.False(second.ContainsKey("Absent"));
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task A_partition_is_listed_alone_in_row_key_order_even_with_a_quote_in_its_key()
    {
        var table = _tables[NewTableName()];
        var cancellation = TestContext.Current.CancellationToken;
        foreach (var (partition, row) in new[] { ("o'brien", TableRow.VersionKey(10)), ("o'brien", TableRow.VersionKey(2)), ("other", "v000001") })
        {
            await table.UpsertAsync(new TableEntity(partition, row), cancellation);
        }

        var rows = new List<string>();
        await foreach (var row in table.ListPartitionAsync("o'brien", cancellation))
        {
            rows.Add(row.RowKey);
        }

        Assert.Equal(["v000002", "v000010"], rows);
        Assert.Null(await table.GetAsync("o'brien", "v000003", cancellation));
    }

    [Fact]
    public void The_same_table_is_handed_out_once_per_name() =>
        Assert.Same(_tables["platforms"], _tables["platforms"]);
}
