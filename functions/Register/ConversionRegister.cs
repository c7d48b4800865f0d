using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Register;

/// <summary>
/// The register of conversions, in both directions: each gets the next number of its agency and year, gapless
/// under any concurrency. A number is given in one entity-group transaction that moves the counter (If-Match
/// the counter as read), adds the entry and adds its key: two requests that read the same counter cannot both
/// commit, the loser reads again and takes the next number, and an entry entered again finds its key and is
/// returned as it was.
/// </summary>
public sealed partial class ConversionRegister(AppTables tables, ILogger<ConversionRegister> logger)
{
    public const string Table = "register";

    // Twenty requests racing for one counter settle in at most twenty rounds; the rest is room for storage hiccups.
    private const int MaxRounds = 60;

    private readonly AppTable _rows = tables[Table];

    public async Task<RegisterEntry> EnterAsync(RegisterRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = RegisterNumber.YearOf(request.ConvertedAt);
        var partition = RegisterNumber.PartitionOf(request.AgencyCode, year);
        var table = await _rows.ClientAsync();
        for (var round = 1; round <= MaxRounds; round++)
        {
            if (await EntryOfKeyAsync(partition, request.Key, cancellation) is { } existing)
            {
                return existing;
            }
            var counter = await _rows.GetAsync(partition, RegisterRows.CounterRow, cancellation);
            var sequence = (counter?.GetInt32("Last") ?? 0) + 1;
            var entry = new RegisterEntry(
                new RegisterNumber(request.AgencyCode, year, sequence), request.Direction, request.ConvertedAt, request.Converter,
                request.LookupCode, request.InputSha256, request.InputPages, RegisterEntryStatus.Pending)
            { CopyId = request.CopyId };
            TableTransactionAction[] actions =
            [
                counter is null
                    ? new(TableTransactionActionType.Add, RegisterRows.Counter(partition, sequence))
                    : new(TableTransactionActionType.UpdateMerge, RegisterRows.Counter(partition, sequence), counter.ETag),
                new(TableTransactionActionType.Add, RegisterRows.FromEntry(partition, entry)),
                new(TableTransactionActionType.Add, RegisterRows.Key(partition, request.Key, sequence)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellation);
                LogEntered(entry.Number.ToString(), entry.Direction, entry.LookupCode);
                return entry;
            }
            catch (TableTransactionFailedException lost) when (lost.Status is 409 or 412)
            {
                // Another request took this number, or entered this key, first: read again.
                await Task.Delay(Random.Shared.Next(5, 20 + (round * 5)), cancellation);
            }
        }
        throw new Core.TransientException($"The register of {partition} was too busy to give a number after {MaxRounds} rounds; try again.");
    }

    /// <summary>The output of a pending entry is made: its hash and pages are recorded. Done again, it changes nothing.</summary>
    public async Task<RegisterEntry> CompleteAsync(RegisterNumber number, string outputSha256, int outputPages, CancellationToken cancellation)
    {
        var entry = await GetAsync(number, cancellation) ?? throw new InvalidOperationException($"No register entry {number}.");
        if (entry.Status == RegisterEntryStatus.Recorded)
        {
            return entry;
        }
        var recorded = entry with { Status = RegisterEntryStatus.Recorded, OutputSha256 = outputSha256, OutputPages = outputPages, VoidReason = null };
        await _rows.UpsertAsync(RegisterRows.FromEntry(RegisterNumber.PartitionOf(number.AgencyCode, number.Year), recorded), cancellation);
        return recorded;
    }

    /// <summary>A pending entry whose conversion cannot be finished keeps its number and says why.</summary>
    public async Task VoidAsync(RegisterNumber number, string reason, CancellationToken cancellation)
    {
        if (await GetAsync(number, cancellation) is { Status: RegisterEntryStatus.Pending } entry)
        {
            var voided = entry with { Status = RegisterEntryStatus.Void, VoidReason = reason };
            await _rows.UpsertAsync(RegisterRows.FromEntry(RegisterNumber.PartitionOf(number.AgencyCode, number.Year), voided), cancellation);
        }
    }

    public async Task<RegisterEntry?> GetAsync(RegisterNumber number, CancellationToken cancellation) =>
        await _rows.GetAsync(RegisterNumber.PartitionOf(number.AgencyCode, number.Year), RegisterRows.EntryRow(number.Sequence), cancellation) is { } row
            ? RegisterRows.ToEntry(row)
            : null;

    /// <summary>An agency's entries of a year, in number order.</summary>
    public async Task<IReadOnlyList<RegisterEntry>> ListAsync(string agencyCode, int year, CancellationToken cancellation)
    {
        var entries = new List<RegisterEntry>();
        await foreach (var row in _rows.ListPartitionAsync(RegisterNumber.PartitionOf(agencyCode, year), cancellation))
        {
            if (row.RowKey.StartsWith(RegisterRows.EntryPrefix, StringComparison.Ordinal))
            {
                entries.Add(RegisterRows.ToEntry(row));
            }
        }
        return entries;
    }

    private async Task<RegisterEntry?> EntryOfKeyAsync(string partition, string key, CancellationToken cancellation)
    {
        if (await _rows.GetAsync(partition, RegisterRows.KeyRow(key), cancellation) is not { } keyRow)
        {
            return null;
        }
        var row = await _rows.GetAsync(partition, RegisterRows.EntryRow(keyRow.GetInt32("Sequence") ?? 0), cancellation);
        return row is null ? null : RegisterRows.ToEntry(row);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register entry {Number}: {Direction}, data message {LookupCode}")]
    private partial void LogEntered(string number, string direction, string lookupCode);
}
