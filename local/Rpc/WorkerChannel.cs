using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;

namespace Etransactions.Local.Rpc;

/// <summary>
/// The host end of the Functions host protocol: the worker opens one bidirectional stream, and requests
/// (init, metadata, load, invocation) are matched to the worker's responses by their ids.
/// </summary>
public sealed class WorkerChannel(ILoggerFactory loggers) : FunctionRpc.FunctionRpcBase
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streams;

    /// <summary>Completes when the worker opens its stream.</summary>
    public Task Connected => _connected.Task;

    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (Interlocked.Increment(ref _streams) > 1)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "This host serves one worker."));
        }
        var stopping = context.CancellationToken;
        var writing = Task.Run(async () =>
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(stopping))
            {
                await responseStream.WriteAsync(message, stopping);
            }
        }, stopping);
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(stopping))
            {
                Receive(message);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or Grpc.Core.RpcException)
        {
            // The worker went away; what waits on it is failed below.
        }
        finally
        {
            _disconnected.TrySetResult();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new WorkerStoppedException());
            }
            _outgoing.Writer.TryComplete();
        }
        await writing.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async Task<StreamingMessage> RequestAsync(string key, StreamingMessage message, CancellationToken cancellation)
    {
        var response = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, response))
        {
            throw new InvalidOperationException($"A request {key} is already waiting for the worker.");
        }
        try
        {
            if (_disconnected.Task.IsCompleted)
            {
                throw new WorkerStoppedException();
            }
            await _outgoing.Writer.WriteAsync(message, cancellation);
            return await response.Task.WaitAsync(cancellation);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    public ValueTask SendAsync(StreamingMessage message, CancellationToken cancellation) => _outgoing.Writer.WriteAsync(message, cancellation);

    public static string InvocationKey(string invocationId) => "invocation:" + invocationId;

    public static string LoadKey(string functionId) => "load:" + functionId;

    private void Receive(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.StartStream => Connect(),
            StreamingMessage.ContentOneofCase.WorkerInitResponse => "init",
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => "metadata",
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => LoadKey(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => InvocationKey(message.InvocationResponse.InvocationId),
            StreamingMessage.ContentOneofCase.RpcLog => Log(message.RpcLog),
            _ => null,
        };
        if (key is not null && _pending.TryGetValue(key, out var pending))
        {
            pending.TrySetResult(message);
        }
    }

    private string? Connect()
    {
        _connected.TrySetResult();
        return null;
    }

    private string? Log(RpcLog log)
    {
        var logger = loggers.CreateLogger(string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category);
        var level = log.Level == RpcLog.Types.Level.None ? LogLevel.None : (LogLevel)(int)log.Level;
        logger.Log(level, "{Message}{Exception}", log.Message, log.Exception is { } exception ? $" {exception.Type}: {exception.Message}" : "");
        return null;
    }
}

/// <summary>The worker's stream ended while a request waited for its answer.</summary>
public sealed class WorkerStoppedException() : Exception("The functions worker stopped.");
