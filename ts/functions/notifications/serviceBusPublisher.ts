import type { ServiceBusClient, ServiceBusSender } from '@azure/service-bus';
import type { Notification } from './notification';
import type { NotificationPublisher } from './notificationPublisher';

/**
 * Sends notifications to a Service Bus topic. MessageId is the notification id, so the topic's duplicate
 * detection drops a repeated send; `subject` and the application properties let subscriptions filter by
 * type, platform and recipient.
 */
export class ServiceBusPublisher implements NotificationPublisher {
  private sender: ServiceBusSender | undefined;

  constructor(
    private readonly client: ServiceBusClient,
    private readonly topic: string,
  ) {}

  async publish(notification: Notification): Promise<void> {
    this.sender ??= this.client.createSender(this.topic);
    await this.sender.sendMessages({
      body: notification,
      contentType: 'application/json',
      messageId: notification.id,
      subject: notification.type,
      applicationProperties: {
        type: notification.type,
        platformId: notification.platformId ?? '',
        recipients: notification.recipients.join(','),
      },
    });
  }

  async close(): Promise<void> {
    await this.sender?.close();
    await this.client.close();
  }
}
