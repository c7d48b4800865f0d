namespace Etransactions.Local.Azurite;

/// <summary>Azurite, the local twin of Azure Storage, installed from npm at the version pinned beside this file.</summary>
public sealed class AzuriteServer(ChildProcess process, AzuritePorts ports) : IAsyncDisposable
{
    // Azurite's well-known development account: public, the same for everyone, never valid in Azure.
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public AzuritePorts Ports => ports;
    public int ProcessId => process.Id;
    public DateTime StartTime => process.StartTime;
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Ports.Blob}/{Account};"
        + $"QueueEndpoint=http://127.0.0.1:{Ports.Queue}/{Account};TableEndpoint=http://127.0.0.1:{Ports.Table}/{Account};";

    /// <summary>Installs Azurite if needed and starts it on the given ports (0: a free one), data in <paramref name="location"/>.</summary>
    public static async Task<AzuriteServer> StartAsync(
        string repositoryRoot, string location, AzuritePorts ports, ILogger logger, CancellationToken cancellation)
    {
        var script = await AzuriteInstall.EnsureAsync(repositoryRoot, logger, cancellation);
        Directory.CreateDirectory(location);
        var chosen = new AzuritePorts(PortOrFree(ports.Blob), PortOrFree(ports.Queue), PortOrFree(ports.Table));
        // Azurite writes to a file of its own, not to a pipe of the host: left running by a crashed host, it
        // would die on its next line of output (EPIPE) before writing its data, and lose what it held.
        var log = Path.Combine(location, "azurite.log");
        var start = new ProcessStartInfo("sh")
        {
            Environment = { ["AZURITE_LOG"] = log },
            ArgumentList =
            {
                "-c", "exec \"$@\" >>\"$AZURITE_LOG\" 2>&1", "azurite", "node",
                script, "--location", location, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", $"{chosen.Blob}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{chosen.Queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{chosen.Table}",
            },
        };
        var process = ChildProcess.Start(start, logger, ownSession: true);
        var server = new AzuriteServer(process, chosen);
        try
        {
            var listening = Task.WhenAll(new[] { chosen.Blob, chosen.Queue, chosen.Table }.Select(port => LoopbackPort.WaitUntilListeningAsync(port, cancellation)));
            await process.StartingAsync("Azurite", listening, () =>
                $"is port {chosen.Blob}, {chosen.Queue} or {chosen.Table} in use by another program? {log} says:{Environment.NewLine}{Tail(log)}", cancellation);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        logger.LogInformation("Azurite listens on blob {Blob}, queue {Queue}, table {Table}", chosen.Blob, chosen.Queue, chosen.Table);
        return server;
    }

    private static string Tail(string log) =>
        File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(10)) : "(nothing)";

    private static int PortOrFree(int port) => port == 0 ? LoopbackPort.Free() : port;

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
