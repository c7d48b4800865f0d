using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Signing;

namespace Etransactions.Functions.Dossiers.Reports;

/// <summary>
/// Monthly reports: computed on request, and stored for the Ministry once a month is over, in container
/// <c>dossier-reports</c> as <c>{yyyy-MM}/{agency}.json</c> with its detached CMS signature <c>.json.p7s</c>
/// (the app's signing key, as for published lists), each written once.
/// </summary>
public sealed class MonthlyReports(DossierStore dossiers, ProcedureStore procedures, CalendarStore calendars, ISigningKeySource keys, BlobServiceClient blobs)
{
    public const string Container = "dossier-reports";

    private readonly BlobContainerClient _files = blobs.GetBlobContainerClient(Container);
    private readonly Lazy<Task> _created = new(() => blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync());

    public async Task<MonthlyReport> ComputeAsync(string agency, DateOnly month, DateTimeOffset now, CancellationToken cancellation)
    {
        var records = await dossiers.AgencyAsync(agency, cancellation);
        var versions = new Dictionary<(string, int), Procedure?>();
        foreach (var dossier in records.Dossiers)
        {
            var key = (dossier.ProcedureCode, dossier.ProcedureVersion);
            if (!versions.ContainsKey(key))
            {
                versions[key] = await procedures.VersionAsync(dossier.ProcedureCode, dossier.ProcedureVersion, cancellation);
            }
        }
        var calendar = await calendars.CurrentAsync(cancellation);
        return MonthlyReportBuilder.Build(agency, month, records, d => versions[(d.ProcedureCode, d.ProcedureVersion)], calendar, now);
    }

    /// <summary>
    /// Stores the month's report of each agency that has procedures, once, as the figures stood at the month's end.
    /// The signature is made of the JSON as stored, read back: two runs at once (the timer and a run by hand) store
    /// one report and a signature of it, and a run cut short between the two is completed by the next.
    /// </summary>
    public async Task<int> StoreMonthAsync(DateOnly month, DateTimeOffset now, CancellationToken cancellation)
    {
        await _created.Value;
        var end = Core.VietnamTime.StartOf(month.AddMonths(1));
        var stored = 0;
        foreach (var agency in (await procedures.ListAsync(cancellation)).Select(p => p.Agency).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var name = $"{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}/{agency}.json";
            var report = _files.GetBlobClient(name);
            if (!await report.ExistsAsync(cancellation))
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(await ComputeAsync(agency, month, now < end ? now : end, cancellation), AppJson.Options);
                stored += await WriteOnceAsync(name, json, "application/json", cancellation) ? 1 : 0;
            }
            if (!await _files.GetBlobClient(name + ".p7s").ExistsAsync(cancellation))
            {
                var kept = (await report.DownloadContentAsync(cancellation)).Value.Content.ToArray();
                await WriteOnceAsync(name + ".p7s", CadesSignature.Create(kept, await keys.GetAsync(cancellation), now), "application/pkcs7-signature", cancellation);
            }
        }
        return stored;
    }

    private async Task<bool> WriteOnceAsync(string name, byte[] content, string contentType, CancellationToken cancellation)
    {
        try
        {
            await _files.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellation);
            return true;
        }
        catch (RequestFailedException exists) when (exists.Status is 409 or 412)
        {
            return false;
        }
    }
}
