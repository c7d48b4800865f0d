import { afterEach, describe, expect, it } from 'vitest';
import { notificationPublisher } from '../../../functions/notifications/notificationPublisher';
import { QueuePublisher } from '../../../functions/notifications/queuePublisher';
import { ServiceBusPublisher } from '../../../functions/notifications/serviceBusPublisher';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('notificationPublisher', () => {
  it('publishes to the Service Bus topic when the namespace is set (Azure)', async () => {
    process.env.ServiceBusConnection__fullyQualifiedNamespace = 'sb-etransactions.servicebus.windows.net';
    const publisher = notificationPublisher();
    expect(publisher).toBeInstanceOf(ServiceBusPublisher);
    expect(notificationPublisher()).toBe(publisher);
    await publisher.close();
  });

  it('publishes to the local notifications queue otherwise', () => {
    delete process.env.ServiceBusConnection__fullyQualifiedNamespace;
    process.env.AzureWebJobsStorage = 'UseDevelopmentStorage=true';
    expect(notificationPublisher()).toBeInstanceOf(QueuePublisher);
  });
});
