using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>Starts a dossier's workflow unless it has one: a submission retried after its dossier was stored starts it once.</summary>
public static class DossierWorkflowStarter
{
    public static async Task EnsureAsync(DurableTaskClient client, string code, CancellationToken cancellation)
    {
        var instanceId = DossierNames.InstanceId(code);
        if (await client.GetInstanceAsync(instanceId, cancellation) is not null)
        {
            return;
        }
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(DossierNames.Orchestration, new DossierWorkflowInput(code), new StartOrchestrationOptions(instanceId), cancellation);
        }
        catch (Exception started) when (started is InvalidOperationException or Grpc.Core.RpcException)
        {
            // Another request started it between the look and the start.
            if (await client.GetInstanceAsync(instanceId, cancellation) is null)
            {
                throw;
            }
        }
    }
}
