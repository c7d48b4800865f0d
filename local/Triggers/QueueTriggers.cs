using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Etransactions.Local.Triggers;

/// <summary>
/// Queue functions from Azurite queues, as the Functions host runs them: a message is deleted when the
/// function succeeds, made visible again with back-off when it fails, and after five deliveries moved
/// (unchanged) to `{queue}-poison`, the reason in the poison log.
/// </summary>
public sealed class QueueTriggers(Invoker invoker, HostStorage storage, Func<string, string> resolve, PoisonLog poison, bool base64Messages, TimeSpan interval, TimeSpan functionTimeout, ILogger<QueueTriggers> logger)
{
    public const int MaxDequeueCount = 5;
    private const int BatchSize = 16;

    public IEnumerable<Task> Start(FunctionCatalog functions, CancellationToken stopping) =>
        functions.WithTrigger("queueTrigger").Select(function => Supervised.RunAsync(function, PollAsync, logger, stopping)).ToList();

    /// <summary>Runs a queue function with <paramref name="text"/> as the message, as `POST /admin/functions/{name}` does.</summary>
    public Task<InvocationOutcome> RunNowAsync(AppFunction function, string text, CancellationToken cancellation)
    {
        var now = DateTimeOffset.UtcNow;
        var message = QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), "", text, 1, nextVisibleOn: now, insertedOn: now, expiresOn: now.AddDays(7));
        return InvokeAsync(function, QueueName(function), message, text, cancellation);
    }

    private string QueueName(AppFunction function) =>
        resolve(function.Property("queueName") ?? throw new InvalidOperationException($"{function.Name} has no queueName")).ToLowerInvariant();

    private async Task PollAsync(AppFunction function, CancellationToken stopping)
    {
        var name = QueueName(function);
        var queue = await storage.QueueAsync(name, stopping);
        var poisonQueue = await storage.QueueAsync($"{name}-poison", stopping);
        var visibility = functionTimeout + TimeSpan.FromMinutes(1);
        while (!stopping.IsCancellationRequested)
        {
            var messages = (await queue.ReceiveMessagesAsync(BatchSize, visibility, stopping)).Value;
            await Task.WhenAll(messages.Select(message => HandleAsync(function, queue, poisonQueue, message, stopping)));
            if (messages.Length == 0)
            {
                await Task.Delay(interval, stopping);
            }
        }
    }

    private async Task HandleAsync(AppFunction function, QueueClient queue, QueueClient poisonQueue, QueueMessage message, CancellationToken stopping)
    {
        var text = Decode(message.Body);
        var outcome = text is null
            ? new InvocationOutcome(message.MessageId, false, null, new RpcException { Type = "FormatException", Message = "The message is not valid Base64 (host.json extensions.queues.messageEncoding is base64)." })
            : await InvokeAsync(function, queue.Name, message, text, stopping);
        if (outcome.Succeeded)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        else if (message.DequeueCount >= MaxDequeueCount)
        {
            await poisonQueue.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            await poison.RecordAsync(function.Name, $"{queue.Name}/{message.MessageId}", (int)message.DequeueCount, outcome.ErrorMessage);
        }
        else
        {
            var backOff = RetryDelay.After((int)message.DequeueCount, interval);
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: backOff, cancellationToken: CancellationToken.None);
        }
    }

    private Task<InvocationOutcome> InvokeAsync(AppFunction function, string queueName, QueueMessage message, string text, CancellationToken cancellation)
    {
        var data = function.SupportsDeferredBinding
            ? BindingData.Model("AzureStorageQueues", new
            {
                message.MessageId,
                message.PopReceipt,
                MessageText = text,
                message.DequeueCount,
                message.NextVisibleOn,
                message.InsertedOn,
                message.ExpiresOn,
            })
            : BindingData.Text(text);
        var metadata = new Dictionary<string, TypedData>
        {
            ["Id"] = BindingData.Text(message.MessageId),
            ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) },
            ["QueueTrigger"] = BindingData.Text(text),
            ["QueueName"] = BindingData.Text(queueName),
        };
        return invoker.InvokeAsync(function, data, metadata, cancellation: cancellation);
    }

    private string? Decode(BinaryData body)
    {
        if (!base64Messages)
        {
            return body.ToString();
        }
        var buffer = new byte[body.ToMemory().Length];
        return Convert.TryFromBase64String(body.ToString(), buffer, out var length) ? Encoding.UTF8.GetString(buffer, 0, length) : null;
    }
}
