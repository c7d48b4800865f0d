using System.Text.Json.Nodes;
using static Etransactions.IntegrationTests.Dossiers.DossiersApp;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>Procedures and the calendar as data, through the local host with real bearer tokens.</summary>
[Collection(DossiersGroup.Name)]
public sealed class ProcedureApiTests(DossiersApp app)
{
    [Fact]
    public async Task The_sample_procedure_is_loaded_at_first_start_and_listed_with_its_components()
    {
        var token = await app.TokenAsync("citizen-reader", "applicant");
        var list = await app.SendAsync(HttpMethod.Get, "api/procedures", token);
        Assert.Contains(list.Json["procedures"]!.AsArray(), procedure => procedure!["code"]!.GetValue<string>() == Procedure);
        var one = await app.SendAsync(HttpMethod.Get, $"api/procedures/{Procedure}", token);
        Assert.Equal(200, one.Status);
        Assert.Equal(Agency, one.Json["agency"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["id"] = "application-form", ["name"] = one.Json["components"]![0]!["name"]!.GetValue<string>(), ["required"] = true }.ToJsonString(),
            one.Json["components"]![0]!.ToJsonString());
        Assert.Equal("workingDays", one.Json["timeLimit"]!["unit"]!.GetValue<string>());
        Assert.Equal(404, (await app.SendAsync(HttpMethod.Get, "api/procedures/9.404404", token)).Status);
        Assert.Equal(200, (await app.SendAsync(HttpMethod.Get, "api/calendar/2026", token)).Status);
    }

    [Fact]
    public async Task An_agencys_administrator_defines_its_own_procedures_in_versions_and_no_one_elses()
    {
        await app.MoveClockAsync(Vietnam(4, 10, 9));
        const string agency = "000.00.00.T03";
        var admin = await app.TokenAsync("admin-t03", "agencyAdmin", agency);
        var body = DossierSubmissionTests.ProcedureBody(agency, "2026-01-01");
        Assert.Equal(201, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000030", admin, body)).Status);
        Assert.Equal(200, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000030", admin, body)).Status);
        body["timeLimit"]!["value"] = 5;
        var second = await app.SendAsync(HttpMethod.Put, "api/procedures/9.000030", admin, body);
        Assert.Equal((201, 2), (second.Status, second.Json["version"]!.GetValue<int>()));
        Assert.Equal(10, (await app.SendAsync(HttpMethod.Get, "api/procedures/9.000030?version=1", admin)).Json["timeLimit"]!["value"]!.GetValue<int>());

        var other = await app.TokenAsync("admin-t04", "agencyAdmin", "000.00.00.T04");
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000030", other, body)).Status);
        var takeover = DossierSubmissionTests.ProcedureBody("000.00.00.T04", "2026-01-01");
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000030", other, takeover)).Status);
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000031", await app.TokenAsync("citizen-x", "applicant"), body)).Status);
        Assert.Equal(403, (await app.SendAsync(HttpMethod.Put, "api/calendar/2027", admin, new JsonObject())).Status);
    }

    [Fact]
    public async Task A_procedure_with_steps_out_of_order_or_unknown_roles_is_refused_with_the_fields_named()
    {
        var regulator = await app.TokenAsync("ministry", "regulator");
        var body = DossierSubmissionTests.ProcedureBody("000.00.00.T05", "2026-01-01");
        body["steps"] = new JsonArray(
            new JsonObject { ["action"] = "accept", ["role"] = "receiver" },
            new JsonObject { ["action"] = "sign", ["role"] = "mayor" },
            new JsonObject { ["action"] = "approve", ["role"] = "approver" },
            new JsonObject { ["action"] = "issue", ["role"] = "receiver" });
        var reply = await app.SendAsync(HttpMethod.Put, "api/procedures/9.000050", regulator, body);
        Assert.Equal(400, reply.Status);
        Assert.Equal(["steps.1.role", "steps.2.action"], reply.Fields);

        body = DossierSubmissionTests.ProcedureBody("000.00.00.T05", "2026-01-01");
        body["timeLimit"]!["unit"] = "fortnights";
        Assert.Equal(["timeLimit.unit"], (await app.SendAsync(HttpMethod.Put, "api/procedures/9.000050", regulator, body)).Fields);
        Assert.Equal(400, (await app.SendAsync(HttpMethod.Put, "api/procedures/bad code!", regulator, DossierSubmissionTests.ProcedureBody("000.00.00.T05", "2026-01-01"))).Status);
    }
}
