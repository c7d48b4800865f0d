using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>
/// Sits in the app's storage clients before their retries: records each write (PUT) by blob name, fails the
/// writes of a name while told to, as storage failing half-way would, and can hold writes of a name until
/// several runs have reached them.
/// </summary>
internal sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _writes = new();
    private volatile string? _failing;
    private volatile Rendezvous? _rendezvous;

    /// <summary>The blobs written, in order, by their names in the container (<c>large-platforms/v1.json</c>).</summary>
    public IReadOnlyList<string> Writes => [.. _writes];

    /// <summary>Writes of the blob named <paramref name="name"/> fail with 503 until <see cref="Heal"/>.</summary>
    public void FailWritesOf(string name) => _failing = name;

    public void Heal() => _failing = null;

    /// <summary>The first <paramref name="runs"/> writes of <paramref name="name"/> wait until all of them have arrived.</summary>
    public void MeetAt(string name, int runs) => _rendezvous = new Rendezvous(name, runs);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await BeforeAsync(message);
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        BeforeAsync(message).AsTask().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    private async ValueTask BeforeAsync(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Put || BlobName(message) is not { } name)
        {
            return;
        }
        if (name == _failing)
        {
            throw new RequestFailedException(503, $"Storage is failing (a test's fault on {name}).");
        }
        if (_rendezvous is { } rendezvous && rendezvous.Name == name)
        {
            await rendezvous.ArriveAsync();
        }
        _writes.Enqueue(name);
    }

    /// <summary><c>large-platforms/v1.json</c> of <c>/{account}/public-lists/large-platforms/v1.json</c>.</summary>
    private static string? BlobName(HttpMessage message)
    {
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        const string Container = "/public-lists/";
        var at = path.IndexOf(Container, StringComparison.Ordinal);
        return at < 0 ? null : path[(at + Container.Length)..];
    }

    private sealed class Rendezvous(string name, int runs)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public string Name => name;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) >= runs)
            {
                _all.TrySetResult();
            }
            return _all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
