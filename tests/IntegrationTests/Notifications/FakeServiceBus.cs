using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Sasl;
using Amqp.Types;
using Etransactions.Local.Processes;

namespace Etransactions.IntegrationTests.Notifications;

/// <summary>
/// A small AMQP 1.0 broker on 127.0.0.1, enough for Azure.Messaging.ServiceBus to send to a topic: it lets
/// the client in with SASL MSSBCBS, answers the claims-based-security put-token request on <c>$cbs</c>,
/// accepts every message sent to the topic and keeps it. The SDK reaches it with a development-emulator
/// connection string (plain AMQP, no TLS), so its real sender code runs: connection, token, link, transfer
/// and settlement.
/// </summary>
public sealed class FakeServiceBus : IDisposable
{
    /// <summary>What a Standard namespace allows; the SDK refuses to send a larger message before it sends.</summary>
    public const ulong MaxMessageSize = 256 * 1024;

    private readonly ContainerHost _host;

    private FakeServiceBus(int port, string topic)
    {
        Port = port;
        _host = new ContainerHost(new Address($"amqp://127.0.0.1:{port}"));
        _host.Listeners[0].SASL.EnableMechanism(ClaimsBasedSecurity.Name, new ClaimsBasedSecurity());
        _host.RegisterRequestProcessor("$cbs", new TokenAcceptor(PutTokens));
        _host.RegisterLinkProcessor(new Topic(topic, Received));
        _host.Open();
    }

    public int Port { get; }

    /// <summary>The messages the topic received, in order.</summary>
    public ConcurrentQueue<Message> Received { get; } = new();

    /// <summary>The put-token requests, as "operation audience".</summary>
    public ConcurrentQueue<string> PutTokens { get; } = new();

    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=test;SharedAccessKey=dGVzdA==;UseDevelopmentEmulator=true";

    public static FakeServiceBus Start(string topic) => new(LoopbackPort.Free(), topic);

    public void Dispose() => _host.Close();

    /// <summary>SASL that lets every client in: the authorization is the put-token request that follows.</summary>
    private sealed class ClaimsBasedSecurity() : SaslProfile(Name)
    {
        public static readonly Symbol Name = new("MSSBCBS");

        protected override ITransport UpgradeTransport(ITransport transport) => transport;

        // Only the client starts: the broker answers.
        protected override DescribedList GetStartCommand(string hostname) => throw new NotSupportedException();

        protected override DescribedList? OnCommand(DescribedList command) =>
            command is SaslInit ? new SaslOutcome { Code = SaslCode.Ok } : null;
    }

    private sealed class TokenAcceptor(ConcurrentQueue<string> putTokens) : IRequestProcessor
    {
        public int Credit => 100;

        public void Process(RequestContext request)
        {
            putTokens.Enqueue($"{request.Message.ApplicationProperties?["operation"]} {request.Message.ApplicationProperties?["name"]}");
            var status = new ApplicationProperties();
            status["status-code"] = 200;
            status["status-description"] = "OK";
            request.Complete(new Message { ApplicationProperties = status });
        }
    }

    /// <summary>The topic: links that send to it are attached with the namespace's message size, anything else is not found.</summary>
    private sealed class Topic(string name, ConcurrentQueue<Message> received) : ILinkProcessor
    {
        public void Process(AttachContext attach)
        {
            // The SDK addresses the entity by its path, /notifications (or the whole amqp:// URL).
            var address = attach.Attach.Target is Target { Address: { } target } ? target : "";
            var entity = (Uri.TryCreate(address, UriKind.Absolute, out var url) ? url.AbsolutePath : address).TrimStart('/');
            if (!attach.Link.Role || !entity.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                attach.Complete(new Error(ErrorCode.NotFound) { Description = $"No entity {address}." });
                return;
            }
            attach.Attach.MaxMessageSize = MaxMessageSize;
            attach.Complete(new Keeper(received), 100);
        }
    }

    private sealed class Keeper(ConcurrentQueue<Message> received) : LinkEndpoint
    {
        public override void OnMessage(MessageContext messageContext)
        {
            received.Enqueue(messageContext.Message);
            messageContext.Complete();
        }

        public override void OnFlow(FlowContext flowContext)
        {
        }

        public override void OnDisposition(DispositionContext dispositionContext) => dispositionContext.Complete();
    }
}
