using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Processes;

namespace Etransactions.IntegrationTests.Processes;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "dotnet run --project local";
}

/// <summary>`dotnet run --project local` as a process: start, a timer by hand, Ctrl-C, a start on the same data, a crash.</summary>
[Collection(ProcessTests.Name)]
public sealed class LocalHostProcessTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartRunStopAndStartAgain_OnTheSameData()
    {
        var data = TempFolder.Create("run");
        try
        {
            var port = LocalHostProcess.FreePortNumber();
            await using (var first = LocalHostProcess.Start(data, port))
            {
                await first.WaitUntilAnsweringAsync("api/health", TimeSpan.FromSeconds(90));
                using var timer = await first.Http.PostAsync(new Uri("admin/functions/purgeOrchestrationHistory", UriKind.Relative), null, Cancellation);
                Assert.Equal(HttpStatusCode.Accepted, timer.StatusCode);
                var started = first.Recorded();
                Assert.Contains(started, entry => entry.Role == "worker" && ProcessRegistry.IsAlive(entry));
                Assert.Contains(started, entry => entry.Role == "azurite" && ProcessRegistry.IsAlive(entry));

                Assert.True(await first.InterruptAsync(TimeSpan.FromSeconds(30)), first.Output);
                Assert.DoesNotContain(started, ProcessRegistry.IsAlive);
            }

            await using var second = LocalHostProcess.Start(data, port);
            var again = await second.WaitUntilAnsweringAsync("api/health", TimeSpan.FromSeconds(30));
            Assert.True(again < TimeSpan.FromSeconds(30));
            Assert.True(await second.InterruptAsync(TimeSpan.FromSeconds(30)), second.Output);
        }
        finally
        {
            TempFolder.Delete(data);
        }
    }

    [Fact]
    public async Task OrchestrationWaitingOnAnEvent_CompletesAfterTheHostWasKilledAndRestarted()
    {
        var data = TempFolder.Create("crash");
        var app = Path.Combine("tests", "TestApp", "TestApp.csproj");
        var id = $"crash-{Guid.NewGuid():N}";
        try
        {
            var port = LocalHostProcess.FreePortNumber();
            // Not disposed before the second start: disposing kills what it left, and a killed Azurite loses data.
            await using var first = LocalHostProcess.Start(data, port, "--app", app);
            await first.WaitUntilAnsweringAsync("admin/host/status", TimeSpan.FromSeconds(90));
            using var started = await first.Http.PostAsync(new Uri($"api/waiting/{id}", UriKind.Relative), null, Cancellation);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            await StatusAsync(first, id, "Running");

            await first.KillHostAsync();
            var orphans = first.Recorded().Where(entry => entry.Role != "host").ToList();
            Assert.Contains(orphans, ProcessRegistry.IsAlive); // a crashed host leaves its worker and Azurite

            await using var second = LocalHostProcess.Start(data, port, "--app", app);
            await second.WaitUntilAnsweringAsync("admin/host/status", TimeSpan.FromSeconds(60));
            Assert.DoesNotContain(orphans, ProcessRegistry.IsAlive);
            using var raised = await second.Http.PostAsJsonAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}/raiseEvent/answer", UriKind.Relative), "sau khi khởi động lại", Cancellation);
            Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
            var status = await StatusAsync(second, id, "Completed");
            Assert.Equal("started:sau khi khởi động lại", status["output"]!.GetValue<string>());
        }
        finally
        {
            TempFolder.Delete(data);
        }
    }

    private static Task<JsonObject> StatusAsync(LocalHostProcess host, string id, string runtimeStatus) =>
        Eventually.GetAsync(async () =>
        {
            using var reply = await host.Http.GetAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}", UriKind.Relative), Cancellation);
            var status = reply.StatusCode == HttpStatusCode.NotFound ? null : await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
            return status?["runtimeStatus"]?.GetValue<string>() == runtimeStatus ? status : null;
        }, $"{id} to be {runtimeStatus}", TimeSpan.FromSeconds(60), () => host.Output);
}
