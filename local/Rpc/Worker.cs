using Google.Protobuf.WellKnownTypes;

namespace Etransactions.Local.Rpc;

/// <summary>
/// The app's isolated worker process, started as the Functions host starts it: it connects back over the
/// host protocol, says what it can do, lists its functions and loads them.
/// </summary>
public sealed class Worker : IAsyncDisposable
{
    private const string HostVersion = "4.1044.0";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly WorkerChannel _channel;
    private readonly ProcessRegistry _registry;

    private Worker(ChildProcess process, WorkerChannel channel, ProcessRegistry registry, Uri? httpUri, FunctionCatalog functions)
    {
        _process = process;
        _channel = channel;
        _registry = registry;
        HttpUri = httpUri;
        Functions = functions;
    }

    /// <summary>The worker's own HTTP endpoint (ASP.NET Core integration), where HTTP requests are forwarded.</summary>
    public Uri? HttpUri { get; }
    public FunctionCatalog Functions { get; }

    /// <summary>Completes when the worker process ends.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public static async Task<Worker> StartAsync(
        FunctionsApp app, IReadOnlyDictionary<string, string> environment, Uri rpcUri, WorkerChannel channel,
        ProcessRegistry registry, ILoggerFactory loggers, CancellationToken cancellation)
    {
        var workerId = Guid.NewGuid().ToString();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app.OutputDirectory,
            ArgumentList =
            {
                app.WorkerAssembly, "--functions-uri", rpcUri.ToString(), "--functions-worker-id", workerId,
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
            await WhileRunningAsync(process, channel.Connected, cancellation);
            var init = await WhileRunningAsync(process, channel.RequestAsync("init", new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = HostVersion,
                    WorkerDirectory = app.OutputDirectory,
                    FunctionAppDirectory = app.OutputDirectory,
                },
            }, cancellation), cancellation);
            EnsureSuccess(init.WorkerInitResponse.Result, "start");
            var httpUri = init.WorkerInitResponse.Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri) : null;
            var functions = await LoadFunctionsAsync(app, channel, process, cancellation);
            if (httpUri is not null)
            {
                // The worker names its HTTP endpoint before it listens there; the first request must not find it closed.
                await WhileRunningAsync(process, WaitUntilListeningAsync(httpUri, cancellation), cancellation);
            }
            return new Worker(process, channel, registry, httpUri, functions);
        }
        catch
        {
            await process.StopAsync(TimeSpan.FromSeconds(2));
            registry.Forget("worker");
            throw;
        }
    }

    private static async Task<FunctionCatalog> LoadFunctionsAsync(FunctionsApp app, WorkerChannel channel, ChildProcess process, CancellationToken cancellation)
    {
        var metadata = await WhileRunningAsync(process, channel.RequestAsync("metadata", new StreamingMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = app.OutputDirectory },
        }, cancellation), cancellation);
        var listing = metadata.FunctionMetadataResponse;
        EnsureSuccess(listing.Result, "list its functions");
        if (listing.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asks the host to index the functions; this host reads them from the worker only.");
        }
        var functions = listing.FunctionMetadataResults.Select(AppFunction.From).ToList();
        foreach (var function in functions)
        {
            var load = await WhileRunningAsync(process, channel.RequestAsync(WorkerChannel.LoadKey(function.Id), new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.Id, Metadata = function.Metadata },
            }, cancellation), cancellation);
            EnsureSuccess(load.FunctionLoadResponse.Result, $"load {function.Name}");
        }
        return new FunctionCatalog(functions);
    }

    private static async Task<bool> WaitUntilListeningAsync(Uri endpoint, CancellationToken cancellation)
    {
        while (!await LoopbackPort.IsListeningAsync(endpoint.Port, cancellation))
        {
            await Task.Delay(50, cancellation);
        }
        return true;
    }

    /// <summary>Waits for <paramref name="step"/>, failing at once if the worker exits (a setting it refused, say).</summary>
    private static async Task<T> WhileRunningAsync<T>(ChildProcess process, Task<T> step, CancellationToken cancellation)
    {
        var exited = process.WaitForExitAsync(cancellation);
        var finished = await Task.WhenAny(step, exited, Task.Delay(StartTimeout, cancellation));
        if (finished == step)
        {
            return await step;
        }
        if (finished == exited && process.HasExited)
        {
            throw new InvalidOperationException($"The app stopped while starting (exit code {process.ExitCode}); its output above says why.");
        }
        cancellation.ThrowIfCancellationRequested();
        throw new TimeoutException($"The worker did not answer within {StartTimeout.TotalSeconds} s.");
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
        await _channel.SendAsync(new StreamingMessage
        {
            WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) },
        }, CancellationToken.None).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
        await _process.StopAsync(TimeSpan.FromSeconds(10));
        _registry.Forget("worker");
    }
}
