import type { QueueClient } from '@azure/storage-queue';
import type { Notification } from './notification';
import type { NotificationPublisher } from './notificationPublisher';

/**
 * Local twin of the Service Bus topic: the message JSON as UTF-8 text on an Azurite queue, the same form
 * in which the local host feeds Service Bus triggers from Azurite queues.
 */
export class QueuePublisher implements NotificationPublisher {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly queue: QueueClient) {}

  async publish(notification: Notification): Promise<void> {
    this.ready ??= this.queue.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    await this.queue.sendMessage(JSON.stringify(notification));
  }

  async close(): Promise<void> {
    // Nothing to release: the queue client holds no connection.
  }
}
