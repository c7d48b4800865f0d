using System.Net;
using System.Security.Cryptography;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Yarp.ReverseProxy.Forwarder;
using P = Microsoft.DurableTask.Protobuf;

namespace Etransactions.Local;

/// <summary>
/// A started local host: Azurite, the Durable sidecar on the real engine, the app's worker, its triggers
/// and the public endpoint. Disposing it stops all of them, in the reverse order.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly List<Func<ValueTask>> _stops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _listeners = [];
    private Worker? _worker;

    private RunningHost(ProcessRegistry registry) => Registry = registry;

    public Uri BaseUri { get; private set; } = null!;
    public string StorageConnectionString { get; private set; } = "";
    public string FunctionKey { get; private set; } = "";
    public string HostId { get; private set; } = "";
    public MovableClock Clock { get; private set; } = null!;
    public FunctionCatalog Functions => _worker!.Functions;
    public ProcessRegistry Registry { get; }
    public Task WorkerExited => _worker!.Exited;

    public static async Task<RunningHost> StartAsync(LocalHostOptions options, Action<ILoggingBuilder> logging, CancellationToken cancellation)
    {
        var loggers = LoggerFactory.Create(logging);
        var logger = loggers.CreateLogger("Host");
        Directory.CreateDirectory(options.StateDirectory);
        var host = new RunningHost(new ProcessRegistry(options.StateDirectory, logger));
        host._stops.Add(() => { loggers.Dispose(); return ValueTask.CompletedTask; });
        try
        {
            await host.Registry.ClearStaleAsync();
            host._stops.Add(() => { host.Registry.Forget("host"); return ValueTask.CompletedTask; });
            await host.StartAsync(options, logging, loggers, logger, cancellation);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(LocalHostOptions options, Action<ILoggingBuilder> logging, ILoggerFactory loggers, ILogger logger, CancellationToken cancellation)
    {
        // Azurite starts while the app builds; both take seconds.
        var storage = StartStorageAsync(options, loggers, cancellation);
        FunctionsApp app;
        try
        {
            app = await FunctionsApp.PrepareAsync(options.AppProject, options.Build, loggers.CreateLogger("Build"), cancellation);
        }
        catch
        {
            await storage.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        StorageConnectionString = await storage;

        var overrides = new Dictionary<string, string>(options.SettingOverrides) { ["AzureWebJobsStorage"] = StorageConnectionString };
        var settings = AppSettings.Load(SettingsFolder(options), overrides);
        var hostJson = HostJson.Load(Path.Combine(app.OutputDirectory, "host.json"), settings);
        var taskHub = hostJson.DurableHubName;
        Clock = new MovableClock(Path.Combine(options.StateDirectory, "clock"), ClockStart(settings));
        FunctionKey = FunctionKeyOf(options.StateDirectory);
        var signingKey = DevelopmentKey.LoadOrCreate(options.StateDirectory);

        logger.LogInformation("Starting the Durable Task engine on task hub {TaskHub}", taskHub);
        var engine = await DurableEngine.CreateAsync(StorageConnectionString, taskHub, loggers);
        var dispatching = new SidecarEngine(engine, logger);
        _stops.Add(async () => { await dispatching.StopAsync(isForced: true); engine.Dispose(); });

        var (rpcPort, sidecarPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var channel = new WorkerChannel(loggers);
        var inside = BuildInsideServer(logging, channel, engine, dispatching, rpcPort, sidecarPort);
        await inside.StartAsync(cancellation);
        _stops.Add(async () => { await inside.StopAsync(); await inside.DisposeAsync(); });

        var port = options.Port == 0 ? LoopbackPort.Free() : options.Port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        var issuer = new DevelopmentIssuer(signingKey, DevelopmentIssuer.IssuerOf(BaseUri), Clock);
        logger.LogInformation("Starting the app's worker");
        _worker = await Worker.StartAsync(app, WorkerEnvironment(settings, app, issuer), new Uri($"http://127.0.0.1:{rpcPort}/"), channel, Registry, loggers, cancellation);
        _stops.Add(() => _worker.DisposeAsync());

        var invoker = new Invoker(channel, loggers.CreateLogger<Invoker>(), hostJson.FunctionTimeout)
        {
            DurableClientData = DurableClientData.Create(new Uri($"http://127.0.0.1:{sidecarPort}"), BaseUri, taskHub),
        };
        var records = new HostStorage(StorageConnectionString, options.HostId ?? HostIdOf(app));
        HostId = records.HostId;
        var poison = new PoisonLog(StorageConnectionString, loggers.CreateLogger<PoisonLog>());
        var timers = new TimerTriggers(invoker, Clock, records, settings.Resolve, loggers.CreateLogger<TimerTriggers>());
        var blobs = new BlobTriggers(invoker, records, settings.Resolve, poison, options.PollingInterval, loggers.CreateLogger<BlobTriggers>());
        var queues = new QueueTriggers(invoker, records, settings.Resolve, poison, hostJson.QueueMessagesAreBase64, options.PollingInterval, hostJson.FunctionTimeout, loggers.CreateLogger<QueueTriggers>());

        var version = typeof(RunningHost).Assembly.GetName().Version?.ToString() ?? "0";
        var outside = BuildPublicServer(logging, port, engine, new AdminEndpoints(Functions, Clock, timers, blobs, queues, issuer, version), invoker, hostJson);
        await outside.StartAsync(cancellation);
        _stops.Add(async () => { await outside.StopAsync(); await outside.DisposeAsync(); });

        var sidecar = GrpcChannel.ForAddress($"http://127.0.0.1:{sidecarPort}");
        _stops.Add(() => { sidecar.Dispose(); return ValueTask.CompletedTask; });
        var stopping = _stopping.Token;
        _listeners.AddRange(timers.Start(Functions, stopping));
        _listeners.AddRange(blobs.Start(Functions, stopping));
        _listeners.AddRange(queues.Start(Functions, stopping));
        if (Functions.WithTrigger("orchestrationTrigger").Any() || Functions.WithTrigger("activityTrigger").Any())
        {
            var pump = new WorkItemPump(new P.TaskHubSidecarService.TaskHubSidecarServiceClient(sidecar), Functions, invoker, loggers.CreateLogger<WorkItemPump>());
            _listeners.Add(Task.Run(() => pump.RunAsync(stopping), CancellationToken.None));
        }
        foreach (var function in Functions.All)
        {
            logger.LogInformation("{Function}: {Trigger} {Detail}", function.Name, function.TriggerType, Describe(function, hostJson));
        }
        // The samples are for the app that has their routes (the test app has none).
        if (options.LoadSamples && Functions.Find("putProcedure") is not null && Functions.Find("putCalendar") is not null)
        {
            await Samples.SampleData.LoadOnceAsync(options.RepositoryRoot, options.StateDirectory, BaseUri, issuer, logger, cancellation);
        }
    }

    private async Task<string> StartStorageAsync(LocalHostOptions options, ILoggerFactory loggers, CancellationToken cancellation)
    {
        if (options.StorageConnectionString is { } given)
        {
            return given;
        }
        var azurite = await AzuriteServer.StartAsync(options.RepositoryRoot, options.DataDirectory, options.AzuritePorts, loggers.CreateLogger("Azurite"), cancellation);
        Registry.Record("azurite", azurite.ProcessId, azurite.StartTime);
        _stops.Add(async () => { await azurite.DisposeAsync(); Registry.Forget("azurite"); });
        return azurite.ConnectionString;
    }

    private static WebApplication BuildInsideServer(
        Action<ILoggingBuilder> logging, WorkerChannel channel, AzureStorageOrchestrationService engine, SidecarEngine dispatching, int rpcPort, int sidecarPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        logging(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, rpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, sidecarPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        // The sidecar dispatches through SidecarEngine and reaches the engine's client as it is.
        builder.Services.AddSingleton<IOrchestrationService>(dispatching);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(engine);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<WorkerChannel>().RequireHost($"*:{rpcPort}");
        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{sidecarPort}");
        return app;
    }

    private WebApplication BuildPublicServer(Action<ILoggingBuilder> logging, int port, AzureStorageOrchestrationService engine, AdminEndpoints admin, Invoker invoker, HostJson hostJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        logging(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        admin.Map(app);
        DurableWebhooks.Map(app, engine);
        if (_worker!.HttpUri is { } workerUri)
        {
            var http = new HttpTriggers(invoker, app.Services.GetRequiredService<IHttpForwarder>(), workerUri, hostJson.RoutePrefix, FunctionKey);
            http.Map(app, Functions);
            _stops.Add(() => { http.Dispose(); return ValueTask.CompletedTask; });
        }
        return app;
    }

    private Dictionary<string, string> WorkerEnvironment(AppSettings settings, FunctionsApp app, DevelopmentIssuer issuer) => new(settings.Values)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["FUNCTIONS_APPLICATION_DIRECTORY"] = app.OutputDirectory,
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
        // Read by the app's clock: it follows the clock that /admin/clock moves, here only.
        ["ETRANSACTIONS_LOCAL_HOST"] = "true",
        ["ETRANSACTIONS_LOCAL_CLOCK_FILE"] = Clock.File,
        // The app trusts the host's own development provider, whatever local.settings.json says.
        ["AUTH_ISSUER"] = issuer.Issuer,
        ["AUTH_AUDIENCE"] = DevelopmentIssuer.Audience,
    };

    private static string SettingsFolder(LocalHostOptions options)
    {
        var projectFolder = Path.GetDirectoryName(options.AppProject)!;
        return File.Exists(Path.Combine(projectFolder, "local.settings.sample.json")) || File.Exists(Path.Combine(projectFolder, "local.settings.json"))
            ? projectFolder
            : options.RepositoryRoot;
    }

    private static DateTimeOffset? ClockStart(AppSettings settings) =>
        settings["LOCAL_CLOCK_START"] is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                ? start
                : throw new InvalidOperationException($"App setting LOCAL_CLOCK_START: not an ISO-8601 time: \"{text}\"")
            : null;

    /// <summary>The key HTTP functions of authLevel function or admin need here, made once per data folder.</summary>
    private static string FunctionKeyOf(string stateDirectory)
    {
        var file = Path.Combine(stateDirectory, "function-key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        }
        return File.ReadAllText(file).Trim();
    }

    private static string HostIdOf(FunctionsApp app)
    {
        var name = Path.GetFileNameWithoutExtension(app.WorkerAssembly).ToLowerInvariant().Replace('.', '-');
        return name.Length > 32 ? name[..32] : name;
    }

    private string Describe(AppFunction function, HostJson hostJson) => function.TriggerType.ToLowerInvariant() switch
    {
        "httptrigger" => $"{string.Join(",", function.Trigger["methods"]?.AsArray().Select(m => m!.ToString().ToUpperInvariant()) ?? ["*"])} {new Uri(BaseUri, $"{hostJson.RoutePrefix}/{function.Property("route") ?? function.Name}")}",
        "timertrigger" => function.Property("schedule") ?? "",
        "blobtrigger" => function.Property("path") ?? "",
        "queuetrigger" => function.Property("queueName") ?? "",
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_listeners).WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(_ => { }, TaskScheduler.Default);
        for (var i = _stops.Count - 1; i >= 0; i--)
        {
            try
            {
                await _stops[i]();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Stop the rest whatever one of them did.
                Console.Error.WriteLine($"While stopping: {error.Message}");
            }
        }
        _stopping.Dispose();
    }
}
