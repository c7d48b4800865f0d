using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using static Etransactions.IntegrationTests.Dossiers.DossiersApp;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>
/// Dossiers of the sample procedure walked through the local host on the real Durable engine: on time, late with
/// an apology, refused at intake, a supplement during processing, coordination with another agency, withdrawal.
/// </summary>
[Collection(DossiersGroup.Name)]
public sealed class DossierWorkflowTests(DossiersApp app)
{
    [Fact]
    public async Task On_time_the_result_is_signed_returned_online_and_rated_once()
    {
        await app.MoveClockAsync(Vietnam(3, 2, 9));
        var code = await app.SubmitAsync("citizen-ontime");
        Assert.Matches(@"^000\.00\.00\.H26-260302-\d{4}$", code);
        await app.AcceptAndPayAsync(code, "citizen-ontime");
        var applicant = await app.TokenAsync("citizen-ontime", "applicant");
        var processing = await app.StatusAsync(code, applicant);
        Assert.Equal("processing", processing["state"]!.GetValue<string>());
        Assert.Equal("submitForApproval", processing["nextStep"]!["action"]!.GetValue<string>());

        await app.MoveClockAsync(Vietnam(3, 5, 14));
        await app.ResolveAsync(code);

        var resolved = await app.StatusAsync(code, await app.TokenAsync("citizen-ontime", "applicant"));
        Assert.Equal("resolved", resolved["state"]!.GetValue<string>());
        Assert.Equal("early", resolved["outcome"]!.GetValue<string>());
        Assert.Equal(["submitted", "accept", "payFee", "submitForApproval", "approve", "sign", "issue"], Events(resolved));
        var document = resolved["documents"]!.AsArray().Single()!;
        Assert.True(document["signed"]!.GetValue<bool>());
        using var download = await app.App.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri($"api/dossiers/{code}/documents/result", UriKind.Relative))
            .WithBearer(await app.TokenAsync("citizen-ontime", "applicant")), TestContext.Current.CancellationToken);
        var pdf = await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(document["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        Assert.Contains("/ByteRange", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        // The result is a data message of the agency too: its lookup code, its record, and where to ask for a paper copy.
        var message = document["dataMessage"]!.GetValue<string>();
        Assert.EndsWith($"/api/data-messages/{message}/paper-copies", document["paperCopies"]!.GetValue<string>(), StringComparison.Ordinal);
        using var record = await app.App.Http.GetAsync(new Uri($"api/data-messages/{message}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(record.IsSuccessStatusCode, $"data message {message}: {(int)record.StatusCode}");

        var rated = await app.SendAsync(HttpMethod.Post, $"api/dossiers/{code}/rating", await app.TokenAsync("citizen-ontime", "applicant"), new JsonObject { ["score"] = 5 });
        Assert.Equal(201, rated.Status);
        var again = await app.SendAsync(HttpMethod.Post, $"api/dossiers/{code}/rating", await app.TokenAsync("citizen-ontime", "applicant"), new JsonObject { ["score"] = 1 });
        Assert.Equal(409, again.Status);
        Assert.Equal(409, (await app.ActAsync(code, await app.OfficerAsync("receiver"), new JsonObject { ["action"] = "issue" }, 409)).Status);
        await NoticesAsync(code, "dossier.submitted", "dossier.accept", "dossier.payFee", "dossier.issue");
    }

    [Fact]
    public async Task Late_the_workflow_asks_for_an_apology_a_working_day_ahead_and_keeps_the_original_date()
    {
        await app.MoveClockAsync(Vietnam(3, 2, 9));
        var code = await app.SubmitAsync("citizen-late");
        await app.AcceptAndPayAsync(code, "citizen-late");
        var original = (await app.StatusAsync(code, await app.OfficerAsync("processor")))["appointment"]!["original"]!.GetValue<DateTimeOffset>();

        await app.MoveClockAsync(original.AddHours(-20));
        await app.RunAsync("checkDossierDeadlines");
        var asked = await Eventually.GetAsync(async () =>
        {
            var status = await app.StatusAsync(code, await app.OfficerAsync("processor"));
            return Events(status).Contains("apologyRequested") ? status : null;
        }, "the apology request", TimeSpan.FromSeconds(60), () => app.App.Log.Tail());
        Assert.Equal(original, asked["appointment"]!["current"]!.GetValue<DateTimeOffset>());

        var newDate = original.AddDays(3);
        await app.ActAsync(code, await app.OfficerAsync("processor"), new JsonObject { ["action"] = "apologize" }, 400);
        await app.ActAsync(code, await app.OfficerAsync("processor"), new JsonObject
        {
            ["action"] = "apologize",
            ["reason"] = "Chờ kết quả xác minh của cơ quan khác",
            ["newDate"] = newDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.MoveClockAsync(original.AddHours(2));
        await app.RunAsync("checkDossierDeadlines");
        await app.ResolveAsync(code);

        var resolved = await app.StatusAsync(code, await app.TokenAsync("citizen-late", "applicant"));
        Assert.Equal(original, resolved["appointment"]!["original"]!.GetValue<DateTimeOffset>());
        Assert.Equal(newDate, resolved["appointment"]!["current"]!.GetValue<DateTimeOffset>());
        Assert.Equal("late", resolved["outcome"]!.GetValue<string>());
        Assert.DoesNotContain("overdue", Events(resolved));
        await NoticesAsync(code, "dossier.apologyRequested", "dossier.apologize");
    }

    [Fact]
    public async Task Refused_at_intake_only_with_reasons_and_then_nothing_more()
    {
        await app.MoveClockAsync(Vietnam(3, 3, 10));
        var code = await app.SubmitAsync("citizen-refused");
        var receiver = await app.OfficerAsync("receiver");
        var noReason = await app.ActAsync(code, receiver, new JsonObject { ["action"] = "refuse" }, 400);
        Assert.Contains("reason", noReason.Fields);
        await app.ActAsync(code, await app.OfficerAsync("receiver", OtherAgency), new JsonObject { ["action"] = "refuse", ["reason"] = "x" }, 403);
        await app.ActAsync(code, receiver, new JsonObject { ["action"] = "refuse", ["reason"] = "Người yêu cầu không thuộc đối tượng được cấp Phiếu" });

        var accept = await app.ActAsync(code, receiver, new JsonObject { ["action"] = "accept" }, 409);
        Assert.Equal("refused", accept.Json["state"]!.GetValue<string>());
        var status = await app.StatusAsync(code, await app.TokenAsync("citizen-refused", "applicant"));
        Assert.Equal("refused", status["state"]!.GetValue<string>());
        Assert.Equal("Người yêu cầu không thuộc đối tượng được cấp Phiếu", status["history"]!.AsArray()[^1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supplement_during_processing_pauses_the_clock_and_a_second_needs_a_reason()
    {
        await app.MoveClockAsync(Vietnam(3, 9, 9));
        var code = await app.SubmitAsync("citizen-supplement");
        await app.AcceptAndPayAsync(code, "citizen-supplement");
        var processor = await app.OfficerAsync("processor");
        var before = (await app.StatusAsync(code, processor))["appointment"]!["original"]!.GetValue<DateTimeOffset>();

        await app.ActAsync(code, processor, new JsonObject { ["action"] = "requestSupplement", ["missing"] = new JsonArray("identity-document") });
        await app.MoveClockAsync(Vietnam(3, 11, 9));
        var applicant = await app.TokenAsync("citizen-supplement", "applicant");
        processor = await app.OfficerAsync("processor");
        Assert.True((await app.StatusAsync(code, applicant))["time"]!["paused"]!.GetValue<bool>());
        await app.ActAsync(code, applicant, new JsonObject
        {
            ["action"] = "completeSupplement",
            ["components"] = new JsonArray(DossierSamples.Component("identity-document", "cccd-moi.pdf", DossierSamples.PdfBase64)),
        });
        var resumed = await app.StatusAsync(code, processor);
        Assert.Equal("processing", resumed["state"]!.GetValue<string>());
        // Two working days stood still (Monday 9:00 to Wednesday 9:00): the date moves on by as much.
        // The clock is moved to the second and runs on, so the dates agree to a few seconds.
        Assert.Equal(before.AddDays(2), resumed["appointment"]!["original"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(10));
        Assert.Equal(3, resumed["components"]!.AsArray().Count);

        var second = await app.ActAsync(code, processor, new JsonObject { ["action"] = "requestSupplement", ["missing"] = new JsonArray("application-form") }, 400);
        Assert.Contains("reason", second.Fields);
        await app.ActAsync(code, processor, new JsonObject
        {
            ["action"] = "requestSupplement", ["missing"] = new JsonArray("application-form"), ["reason"] = "Tờ khai thiếu chữ ký",
        });
        await app.ActAsync(code, applicant, new JsonObject { ["action"] = "completeSupplement" });
        await app.ResolveAsync(code);
        Assert.Equal("late", (await app.StatusAsync(code, applicant))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Coordination_waits_for_the_other_agencys_opinion()
    {
        await app.MoveClockAsync(Vietnam(3, 16, 9));
        var code = await app.SubmitAsync("citizen-opinion");
        await app.AcceptAndPayAsync(code, "citizen-opinion");
        var processor = await app.OfficerAsync("processor");
        await app.ActAsync(code, processor, new JsonObject { ["action"] = "requestOpinion", ["to"] = OtherAgency }, 400);
        await app.ActAsync(code, processor, new JsonObject { ["action"] = "requestOpinion", ["to"] = OtherAgency, ["reason"] = "Xác minh nơi cư trú" });
        await app.ActAsync(code, processor, new JsonObject { ["action"] = "giveOpinion", ["reason"] = "x" }, 403);
        await app.ActAsync(code, processor, new JsonObject { ["action"] = "submitForApproval" }, 409);

        var other = await app.OfficerAsync("processor", OtherAgency);
        Assert.Equal("awaitingOpinion", (await app.StatusAsync(code, other))["state"]!.GetValue<string>());
        await app.ActAsync(code, other, new JsonObject { ["action"] = "giveOpinion", ["reason"] = "Đã xác minh: thường trú tại địa chỉ khai" });
        var status = await app.StatusAsync(code, processor);
        Assert.Equal("processing", status["state"]!.GetValue<string>());
        Assert.Null(status["opinionFrom"]);
        await app.ResolveAsync(code);
    }

    [Fact]
    public async Task Withdrawn_by_its_applicant_and_read_by_no_one_else()
    {
        await app.MoveClockAsync(Vietnam(3, 17, 9));
        var code = await app.SubmitAsync("citizen-withdraw");
        await app.AcceptAndPayAsync(code, "citizen-withdraw");
        var stranger = await app.TokenAsync("citizen-stranger", "applicant");
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Get, $"api/dossiers/{code}", stranger)).Status);
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Get, $"api/dossiers/{code}", await app.OfficerAsync("processor", OtherAgency))).Status);
        await app.ActAsync(code, stranger, new JsonObject { ["action"] = "withdraw" }, 403);

        await app.ActAsync(code, await app.TokenAsync("citizen-withdraw", "applicant"), new JsonObject { ["action"] = "withdraw", ["reason"] = "Không còn nhu cầu" });
        Assert.Equal("withdrawn", (await app.StatusAsync(code, await app.OfficerAsync("receiver")))["state"]!.GetValue<string>());
        var late = await app.ActAsync(code, await app.OfficerAsync("processor"), new JsonObject { ["action"] = "stop", ["reason"] = "x" }, 409);
        Assert.Equal("withdrawn", late.Json["state"]!.GetValue<string>());
    }

    private async Task NoticesAsync(string code, params string[] types)
    {
        var notices = await Eventually.GetAsync(async () =>
        {
            var reply = await app.Api.SendAsync(HttpMethod.Get, "api/notifications?limit=1000", Platforms.Api.PlatformsApp.Regulator);
            var mine = reply.Json["notifications"]?.AsArray().Where(n => n!["data"]?["code"]?.GetValue<string>() == code).Select(n => n!["type"]!.GetValue<string>()).ToList();
            return mine is not null && types.All(mine.Contains) ? mine : null;
        }, $"notices {string.Join(", ", types)} of {code}", TimeSpan.FromSeconds(60), () => app.App.Log.Tail());
        Assert.All(types, type => Assert.Contains(type, notices));
    }
}
