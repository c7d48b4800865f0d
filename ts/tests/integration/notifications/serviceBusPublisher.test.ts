import { ServiceBusClient } from '@azure/service-bus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../functions/notifications/notification';
import { ServiceBusPublisher } from '../../../functions/notifications/serviceBusPublisher';
import { startFakeServiceBus, type FakeServiceBus } from '../../support/platforms/fakeServiceBus';

const notification: Notification = {
  id: 'selfdet-p1-2026.2026-01-16T17:00:00.000Z-002',
  type: 'selfDetermination.reminder',
  occurredAt: '2026-01-16T17:00:00.000Z',
  occurredAtVietnam: '2026-01-17T00:00:00+07:00',
  recipients: ['platform'],
  platformId: 'p1',
  subject: { vi: 'Nhắc hạn: còn 14 ngày', en: 'Reminder: 14 days left' },
  text: { vi: 'Còn 14 ngày đến hạn tự xác định quy mô kỳ 2026.', en: '14 days remain.' },
  data: { cycle: 2026, daysBefore: 14 },
};

describe('ServiceBusPublisher (real @azure/service-bus against a local AMQP broker)', () => {
  let bus: FakeServiceBus;
  let publisher: ServiceBusPublisher;
  beforeAll(async () => {
    bus = await startFakeServiceBus();
    publisher = new ServiceBusPublisher(
      new ServiceBusClient(bus.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 5000 } }),
      'notifications',
    );
  });
  afterAll(async () => {
    await publisher.close();
    await bus.stop();
  });

  it('sends the notification JSON to the topic with its id, type and routing properties', async () => {
    await publisher.publish(notification);
    expect(bus.received).toHaveLength(1);
    const { address, message } = bus.received[0] as unknown as {
      address: string;
      message: Record<string, unknown>;
    };
    expect(address).toBe('notifications');
    expect(message.message_id).toBe(notification.id);
    expect(message.subject).toBe('selfDetermination.reminder');
    expect(message.content_type).toBe('application/json');
    expect(message.application_properties).toEqual({
      type: 'selfDetermination.reminder',
      platformId: 'p1',
      recipients: 'platform',
    });
    // The SDK sends the JSON as one AMQP data section; Vietnamese text survives the hop.
    const section = message.body as { typecode: number; content: Buffer };
    expect(section.typecode).toBe(117);
    expect(JSON.parse(section.content.toString('utf8'))).toEqual(notification);
  });
});
