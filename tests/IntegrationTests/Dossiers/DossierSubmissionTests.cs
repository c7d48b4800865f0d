using System.Text.Json.Nodes;
using static Etransactions.IntegrationTests.Dossiers.DossiersApp;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>Submissions and actions through the local host: the acknowledgement, gapless codes, replays, and each class of bad input.</summary>
[Collection(DossiersGroup.Name)]
public sealed class DossierSubmissionTests(DossiersApp app)
{
    [Fact]
    public async Task A_submission_is_acknowledged_at_once_and_after_hours_counts_from_the_next_working_morning()
    {
        await app.MoveClockAsync(Vietnam(2, 13, 17, 30));
        var reply = await app.SendAsync(HttpMethod.Post, "api/dossiers", await app.TokenAsync("citizen-evening", "applicant"), DossierSamples.Submission());
        Assert.Equal(201, reply.Status);
        Assert.Matches(@"^000\.00\.00\.H26-260213-\d{4}$", reply.Json["code"]!.GetValue<string>());
        // Friday after hours, then Tết (16–20 February): the intake's 8 working hours start on Monday 23 February.
        Assert.Equal(Vietnam(2, 23, 8), reply.Json["countsFrom"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Vietnam(2, 23, 17), reply.Json["intakeDue"]!.GetValue<DateTimeOffset>());
        Assert.Equal("received", reply.Json["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Codes_are_gapless_per_agency_and_day_under_concurrent_submissions()
    {
        await app.MoveClockAsync(Vietnam(4, 6, 9));
        var token = await app.TokenAsync("citizen-many", "applicant");
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SendAsync(HttpMethod.Post, "api/dossiers", token, DossierSamples.Submission())));
        Assert.All(replies, reply => Assert.Equal(201, reply.Status));
        var numbers = replies.Select(reply => int.Parse(reply.Json["code"]!.GetValue<string>()[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 6), numbers);
        Assert.All(replies, reply => Assert.StartsWith("000.00.00.H26-260406-", reply.Json["code"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replayed_submission_or_action_is_the_same_one_and_a_key_reused_for_another_body_is_refused()
    {
        await app.MoveClockAsync(Vietnam(4, 7, 9));
        var token = await app.TokenAsync("citizen-replay", "applicant");
        var key = $"replay-{Guid.NewGuid():N}";
        var first = await app.SendAsync(HttpMethod.Post, "api/dossiers", token, DossierSamples.Submission(), key);
        var second = await app.SendAsync(HttpMethod.Post, "api/dossiers", token, DossierSamples.Submission(), key);
        Assert.Equal((201, 200), (first.Status, second.Status));
        var code = first.Json["code"]!.GetValue<string>();
        Assert.Equal(code, second.Json["code"]!.GetValue<string>());

        var other = DossierSamples.Submission();
        other["form"]!["copies"] = 2;
        Assert.Equal(409, (await app.SendAsync(HttpMethod.Post, "api/dossiers", token, other, key)).Status);

        var receiver = await app.OfficerAsync("receiver");
        var actionKey = $"accept-{Guid.NewGuid():N}";
        var accepted = await app.ActAsync(code, receiver, new JsonObject { ["action"] = "accept" }, key: actionKey);
        var replayed = await app.ActAsync(code, receiver, new JsonObject { ["action"] = "accept" }, key: actionKey);
        Assert.Equal(accepted.Json["applied"]!.GetValue<int>(), replayed.Json["applied"]!.GetValue<int>());
        Assert.Equal(1, Events(await app.StatusAsync(code, receiver)).Count(e => e == "accept"));
    }

    [Fact]
    public async Task Bad_submissions_are_refused_with_the_field_named()
    {
        await app.MoveClockAsync(Vietnam(4, 8, 9));
        var token = await app.TokenAsync("citizen-bad", "applicant");

        var unknown = await app.SendAsync(HttpMethod.Post, "api/dossiers", token, DossierSamples.Submission("9.999999"));
        Assert.Equal((400, "procedure"), (unknown.Status, unknown.Fields.Single()));

        var missing = DossierSamples.Submission();
        missing["components"]!.AsArray().RemoveAt(1);
        var noIdentity = await app.SendAsync(HttpMethod.Post, "api/dossiers", token, missing);
        Assert.Equal((400, "components"), (noIdentity.Status, noIdentity.Fields.Single()));
        Assert.Contains("identity-document", noIdentity.Text, StringComparison.Ordinal);

        var disguised = await app.SendAsync(HttpMethod.Post, "api/dossiers", token, DossierSamples.Submission(identityContent: DossierSamples.PngBase64));
        Assert.Equal((400, "components.1.contentBase64"), (disguised.Status, disguised.Fields.Single()));
        Assert.Contains("PNG", disguised.Text, StringComparison.Ordinal);

        var notBase64 = await app.SendAsync(HttpMethod.Post, "api/dossiers", token, DossierSamples.Submission(identityContent: "***"));
        Assert.Equal((400, "components.1.contentBase64"), (notBase64.Status, notBase64.Fields.Single()));

        var stranger = DossierSamples.Submission();
        stranger["components"]!.AsArray().Add(DossierSamples.Component("photo", "anh.png", DossierSamples.PngBase64));
        Assert.Equal((400, "components.2.id"), ((await app.SendAsync(HttpMethod.Post, "api/dossiers", token, stranger)).Status, (await app.SendAsync(HttpMethod.Post, "api/dossiers", token, stranger)).Fields.Single()));

        var badApplicant = DossierSamples.Submission();
        badApplicant["applicant"]!["idNumber"] = "12-34";
        Assert.Equal((400, "applicant.idNumber"), ((await app.SendAsync(HttpMethod.Post, "api/dossiers", token, badApplicant)).Status, (await app.SendAsync(HttpMethod.Post, "api/dossiers", token, badApplicant)).Fields.Single()));

        Assert.Equal(403, (await app.SendAsync(HttpMethod.Post, "api/dossiers", await app.OfficerAsync("receiver"), DossierSamples.Submission())).Status);
        using var anonymous = await app.App.Http.PostAsync(new Uri("api/dossiers", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.Equal(404, (await app.SendAsync(HttpMethod.Get, "api/dossiers/000.00.00.H26-260408-9999", token)).Status);
        Assert.Equal(404, (await app.SendAsync(HttpMethod.Get, "api/dossiers/not-a-code", token)).Status);
    }

    [Fact]
    public async Task A_procedure_version_not_yet_in_force_or_inactive_takes_no_dossier()
    {
        await app.MoveClockAsync(Vietnam(4, 9, 9));
        var regulator = await app.TokenAsync("ministry", "regulator");
        var future = ProcedureBody("000.00.00.T02", "2027-01-01");
        Assert.Equal(201, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000002", regulator, future)).Status);
        var notYet = await app.SendAsync(HttpMethod.Post, "api/dossiers", await app.TokenAsync("citizen-early", "applicant"), DossierSamples.Submission("9.000002"));
        Assert.Equal((400, "procedure"), (notYet.Status, notYet.Fields.Single()));

        var inactive = ProcedureBody("000.00.00.T02", "2026-01-01");
        inactive["active"] = false;
        Assert.Equal(201, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000003", regulator, inactive)).Status);
        var stopped = await app.SendAsync(HttpMethod.Post, "api/dossiers", await app.TokenAsync("citizen-early", "applicant"), DossierSamples.Submission("9.000003"));
        Assert.Equal((400, "procedure"), (stopped.Status, stopped.Fields.Single()));
        Assert.Contains("inactive", stopped.Text, StringComparison.Ordinal);
    }

    /// <summary>The sample procedure's definition for another agency and effective date.</summary>
    public static JsonObject ProcedureBody(string agency, string effectiveFrom)
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(Local.RepositoryRoot.Find(), "local", "Samples", "procedure-judicial-record.json")))!.AsObject();
        body["agency"] = agency;
        body["effectiveFrom"] = effectiveFrom;
        return body;
    }
}
