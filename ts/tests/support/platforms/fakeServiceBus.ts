/**
 * A tiny AMQP 1.0 broker on 127.0.0.1, enough for @azure/service-bus to send to a topic: it answers the
 * claims-based-security put-token request, grants credit and keeps every message it receives. The SDK
 * connects to it with a development-emulator connection string (plain TCP), so its real sender code runs.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import rhea, { type EventContext, type Message } from 'rhea';

export interface ReceivedMessage {
  address: string;
  message: Message;
}

export interface FakeServiceBus {
  connectionString: string;
  received: ReceivedMessage[];
  stop(): Promise<void>;
}

/** rhea keeps the peer's attach frame on `remote`, which its typings do not declare. */
interface Attached {
  remote: { attach: { source?: { address?: string }; target?: { address?: string } } };
}
const attach = (link: unknown) => (link as Attached).remote.attach;

export async function startFakeServiceBus(): Promise<FakeServiceBus> {
  const container = rhea.create_container({ id: 'fake-service-bus' });
  const received: ReceivedMessage[] = [];
  container.on('sender_open', (context: EventContext) => {
    const sender = context.sender;
    if (sender) sender.set_source({ address: attach(sender).source?.address ?? '' });
  });
  container.on('receiver_open', (context: EventContext) => {
    const receiver = context.receiver;
    if (receiver) receiver.set_target({ address: attach(receiver).target?.address ?? '' });
  });
  container.on('message', (context: EventContext) => {
    const message = context.message;
    const address = context.receiver ? (attach(context.receiver).target?.address ?? '') : '';
    if (!message) return;
    if (address === '$cbs') {
      // The SDK names its reply link after the request's reply_to.
      const reply = context.connection.find_sender(
        (sender: { name: string }) => sender.name === message.reply_to,
      );
      reply?.send({
        correlation_id: message.message_id,
        application_properties: { 'status-code': 200, 'status-description': 'OK' },
        body: null,
      });
      return;
    }
    received.push({ address, message });
  });
  const server = container.listen({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `Endpoint=sb://127.0.0.1:${port};SharedAccessKeyName=test;SharedAccessKey=dGVzdA==;UseDevelopmentEmulator=true`,
    received,
    stop: async () => {
      server.close();
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
