using System.Security.Cryptography.Pkcs;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using static Etransactions.IntegrationTests.Dossiers.DossiersApp;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>What time does to dossiers: a restart in the middle, a calendar changed while they are open, and the month's report.</summary>
[Collection(DossiersGroup.Name)]
public sealed class DossierTimeTests(DossiersApp app)
{
    [Fact]
    public async Task A_restart_in_the_middle_loses_nothing_and_the_workflow_goes_on()
    {
        await app.MoveClockAsync(Vietnam(5, 4, 9));
        var code = await app.SubmitAsync("citizen-restart");
        await app.AcceptAndPayAsync(code, "citizen-restart");
        await app.ActAsync(code, await app.OfficerAsync("processor"), new JsonObject { ["action"] = "submitForApproval", ["document"] = DossierSamples.PdfBase64 });

        await app.RestartAsync(Vietnam(5, 5, 9));
        await app.MoveClockAsync(Vietnam(5, 5, 9));
        await app.ActAsync(code, await app.OfficerAsync("approver"), new JsonObject { ["action"] = "approve" });
        await app.ActAsync(code, await app.OfficerAsync("signer"), new JsonObject { ["action"] = "sign" });
        await app.ActAsync(code, await app.OfficerAsync("receiver"), new JsonObject { ["action"] = "issue" });
        var status = await app.StatusAsync(code, await app.TokenAsync("citizen-restart", "applicant"));
        Assert.Equal("resolved", status["state"]!.GetValue<string>());
        Assert.Equal(["submitted", "accept", "payFee", "submitForApproval", "approve", "sign", "issue"], Events(status));
    }

    [Fact]
    public async Task A_holiday_added_to_the_calendar_moves_an_open_dossiers_date_by_a_working_day()
    {
        await app.MoveClockAsync(Vietnam(6, 1, 9));
        var code = await app.SubmitAsync("citizen-calendar");
        await app.AcceptAndPayAsync(code, "citizen-calendar");
        var processor = await app.OfficerAsync("processor");
        var before = (await app.StatusAsync(code, processor))["appointment"]!["original"]!.GetValue<DateTimeOffset>();

        var regulator = await app.TokenAsync("ministry", "regulator");
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Local.RepositoryRoot.Find(), "local", "Samples", "calendar-2026.json")))!.AsObject();
        var changed = sample.DeepClone().AsObject();
        changed["holidays"]!.AsArray().Add(new JsonObject { ["date"] = "2026-06-05", ["name"] = "Ngày nghỉ bổ sung" });
        Assert.Equal(201, (await app.SendAsync(HttpMethod.Put, "api/calendar/2026", regulator, changed)).Status);
        try
        {
            var after = (await app.StatusAsync(code, processor))["appointment"]!["original"]!.GetValue<DateTimeOffset>();
            // Ten working days from Monday 1 June ended on Monday 15 June; with Friday 5 June off they end on Tuesday 16 June.
            Assert.Equal(Vietnam(6, 15, 9).Date, before.ToOffset(TimeSpan.FromHours(7)).Date);
            Assert.Equal(before.AddDays(1), after);
        }
        finally
        {
            Assert.Equal(201, (await app.SendAsync(HttpMethod.Put, "api/calendar/2026", regulator, sample)).Status);
        }
    }

    [Fact]
    public async Task The_months_report_counts_a_known_set_of_dossiers_and_is_stored_signed_once_the_month_is_over()
    {
        const string agency = "000.00.00.T07";
        const string procedure = "9.000007";
        await app.MoveClockAsync(Vietnam(7, 1, 9));
        var regulator = await app.TokenAsync("ministry", "regulator");
        Assert.Equal(201, (await app.SendAsync(HttpMethod.Put, $"api/procedures/{procedure}", regulator, DossierSubmissionTests.ProcedureBody(agency, "2026-01-01"))).Status);
        var receiver = await app.OfficerAsync("receiver", agency);

        var early = await app.SubmitAsync("citizen-report-1", procedure);
        var refused = await app.SubmitAsync("citizen-report-2", procedure);
        var withdrawn = await app.SubmitAsync("citizen-report-3", procedure);
        var open = await app.SubmitAsync("citizen-report-4", procedure);
        await app.ActAsync(refused, receiver, new JsonObject { ["action"] = "refuse", ["reason"] = "Không thuộc thẩm quyền" });
        await app.ActAsync(withdrawn, await app.TokenAsync("citizen-report-3", "applicant"), new JsonObject { ["action"] = "withdraw" });
        foreach (var (code, applicant) in new[] { (early, "citizen-report-1"), (open, "citizen-report-4") })
        {
            await app.ActAsync(code, receiver, new JsonObject { ["action"] = "accept" });
            await app.ActAsync(code, await app.TokenAsync(applicant, "applicant"), new JsonObject { ["action"] = "payFee", ["reference"] = $"PAY-{code}" });
        }
        await app.ActAsync(open, await app.OfficerAsync("processor", agency), new JsonObject { ["action"] = "requestSupplement", ["missing"] = new JsonArray("application-form") });
        await app.MoveClockAsync(Vietnam(7, 3, 14));
        await app.ActAsync(early, await app.OfficerAsync("processor", agency), new JsonObject { ["action"] = "submitForApproval", ["document"] = DossierSamples.PdfBase64 });
        await app.ActAsync(early, await app.OfficerAsync("approver", agency), new JsonObject { ["action"] = "approve" });
        await app.ActAsync(early, await app.OfficerAsync("signer", agency), new JsonObject { ["action"] = "sign" });
        await app.ActAsync(early, await app.OfficerAsync("receiver", agency), new JsonObject { ["action"] = "issue" });
        Assert.Equal(201, (await app.SendAsync(HttpMethod.Post, $"api/dossiers/{early}/rating", await app.TokenAsync("citizen-report-1", "applicant"), new JsonObject { ["score"] = 4 })).Status);

        var admin = await app.TokenAsync("admin-t07", "agencyAdmin", agency);
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Get, $"api/reports/monthly?agency={agency}&month=2026-07", await app.TokenAsync("admin-h26", "agencyAdmin", Agency))).Status);
        Assert.Equal(400, (await app.SendAsync(HttpMethod.Get, $"api/reports/monthly?agency={agency}&month=July", admin)).Status);
        var report = (await app.SendAsync(HttpMethod.Get, $"api/reports/monthly?agency={agency}&month=2026-07", admin)).Json;
        Assert.Equal(0, report["received"]!["carriedOver"]!.GetValue<int>());
        Assert.Equal(4, report["received"]!["new"]!["online"]!.GetValue<int>());
        Assert.Equal((1, 0, 0), (report["resolved"]!["early"]!.GetValue<int>(), report["resolved"]!["onTime"]!.GetValue<int>(), report["resolved"]!["late"]!.GetValue<int>()));
        Assert.Equal(1, report["paused"]!["total"]!.GetValue<int>());
        Assert.Equal(0, report["inProgress"]!["total"]!.GetValue<int>());
        Assert.Equal((1, 1, 0), (report["refused"]!.GetValue<int>(), report["withdrawn"]!.GetValue<int>(), report["stopped"]!.GetValue<int>()));
        Assert.Equal(100.0, report["onlineRate"]!.GetValue<double>());
        Assert.Equal(procedure, report["averageResolution"]![0]!["procedure"]!.GetValue<string>());
        Assert.Equal((1, 4.0), (report["satisfaction"]!["ratings"]!.GetValue<int>(), report["satisfaction"]!["averageScore"]!.GetValue<double>()));

        await app.MoveClockAsync(Vietnam(8, 1, 9));
        await app.RunAsync("storeMonthlyDossierReports");
        var container = new BlobServiceClient(app.App.Host.StorageConnectionString).GetBlobContainerClient("dossier-reports");
        var json = (await container.GetBlobClient($"2026-07/{agency}.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
        var signature = (await container.GetBlobClient($"2026-07/{agency}.json.p7s").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
        var cms = new SignedCms(new ContentInfo(json), detached: true);
        cms.Decode(signature);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(1, JsonNode.Parse(json)!["resolved"]!["early"]!.GetValue<int>());
    }
}
