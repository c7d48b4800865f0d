using Azure.Data.Tables;

namespace Etransactions.IntegrationTests.Platforms.Stores;

/// <summary>A table service on which one table's fixed name reaches a table of the test's own instead.</summary>
internal sealed class RenamedTables(TableServiceClient service, string table, string replacement) : TableServiceClient
{
    public override TableClient GetTableClient(string tableName) => service.GetTableClient(tableName == table ? replacement : tableName);
}
