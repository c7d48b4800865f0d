using Google.Protobuf.WellKnownTypes;

namespace Etransactions.Local.Rpc;

/// <summary>
/// The app's isolated worker process, started as the Functions host starts it: it connects back over the
/// host protocol, says what it can do, lists its functions and loads them.
/// </summary>
public sealed class Worker(ChildProcess process, WorkerChannel channel, ProcessRegistry registry, Uri? httpUri, FunctionCatalog functions) : IAsyncDisposable
{
    private const string HostVersion = "4.1044.0";

    /// <summary>The worker's own HTTP endpoint (ASP.NET Core integration), where HTTP requests are forwarded.</summary>
    public Uri? HttpUri => httpUri;
    public FunctionCatalog Functions => functions;
    public Task Exited => process.WaitForExitAsync();

    public static async Task<Worker> StartAsync(
        FunctionsApp app, IReadOnlyDictionary<string, string> environment, Uri rpcUri, WorkerChannel channel,
        ProcessRegistry registry, ILoggerFactory loggers, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app.OutputDirectory,
            ArgumentList =
            {
                app.WorkerAssembly, "--functions-uri", rpcUri.ToString(), "--functions-worker-id", Guid.NewGuid().ToString(),
                "--functions-request-id", Guid.NewGuid().ToString(), "--functions-grpc-max-message-length", $"{int.MaxValue}",
            },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = ChildProcess.Start(start, loggers.CreateLogger("Worker.Console"), ownSession: true);
        registry.Record("worker", process.Id, process.StartTime);
        try
        {
            var handshake = HandshakeAsync(app, channel, cancellation);
            await process.StartingAsync("The app", handshake, () => "its output above says why.", cancellation);
            var (httpUri, functions) = await handshake;
            return new Worker(process, channel, registry, httpUri, functions);
        }
        catch
        {
            await process.StopAsync(TimeSpan.FromSeconds(2));
            registry.Forget("worker");
            throw;
        }
    }

    /// <summary>What the Functions host does with a new worker: init, list its functions, load each, and wait for its HTTP endpoint.</summary>
    private static async Task<(Uri? HttpUri, FunctionCatalog Functions)> HandshakeAsync(FunctionsApp app, WorkerChannel channel, CancellationToken cancellation)
    {
        await channel.Connected;
        var init = (await channel.RequestAsync("init", new StreamingMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = HostVersion,
                WorkerDirectory = app.OutputDirectory,
                FunctionAppDirectory = app.OutputDirectory,
            },
        }, cancellation)).WorkerInitResponse;
        EnsureSuccess(init.Result, "start");
        var listing = (await channel.RequestAsync("metadata", new StreamingMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = app.OutputDirectory },
        }, cancellation)).FunctionMetadataResponse;
        EnsureSuccess(listing.Result, "list its functions");
        if (listing.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asks the host to index the functions; this host reads them from the worker only.");
        }
        var functions = listing.FunctionMetadataResults.Select(AppFunction.From).ToList();
        foreach (var function in functions)
        {
            var load = await channel.RequestAsync(WorkerChannel.LoadKey(function.Id), new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.Id, Metadata = function.Metadata },
            }, cancellation);
            EnsureSuccess(load.FunctionLoadResponse.Result, $"load {function.Name}");
        }
        var httpUri = init.Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri) : null;
        // The worker names its HTTP endpoint before it listens there; the first request must not find it closed.
        if (httpUri is not null)
        {
            await LoopbackPort.WaitUntilListeningAsync(httpUri.Port, cancellation);
        }
        return (httpUri, new FunctionCatalog(functions));
    }

    private static void EnsureSuccess(StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker could not {what}: {result?.Exception?.Message ?? result?.Result}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // As the Functions host does: tell the worker to finish, then stop the process.
        await channel.SendAsync(new StreamingMessage
        {
            WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) },
        }, CancellationToken.None).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
        await process.StopAsync(TimeSpan.FromSeconds(10));
        registry.Forget("worker");
    }
}
