import { ServiceBusClient } from '@azure/service-bus';
import { optional, serviceBusNamespace } from '../core/config';
import { azureCredential, storage } from '../core/storage';
import type { Notification } from './notification';
import { QueuePublisher } from './queuePublisher';
import { ServiceBusPublisher } from './serviceBusPublisher';

/** Where notifications go: the Service Bus topic in Azure, an Azurite queue locally. Both really deliver. */
export interface NotificationPublisher {
  publish(notification: Notification): Promise<void>;
  close(): Promise<void>;
}

export const NOTIFICATIONS_TOPIC = 'notifications';
export const NOTIFICATIONS_QUEUE = 'notifications';

let cached: { key: string; publisher: NotificationPublisher } | undefined;

/** The app's publisher, chosen by ServiceBusConnection__fullyQualifiedNamespace, built once per process. */
export function notificationPublisher(): NotificationPublisher {
  const namespace = serviceBusNamespace();
  const key = namespace ?? `queue:${optional('AzureWebJobsStorage') ?? ''}`;
  if (cached?.key === key) return cached.publisher;
  const publisher: NotificationPublisher = namespace
    ? new ServiceBusPublisher(
        new ServiceBusClient(namespace, azureCredential(optional('AzureWebJobsStorage__clientId'))),
        NOTIFICATIONS_TOPIC,
      )
    : new QueuePublisher(storage().queue(NOTIFICATIONS_QUEUE));
  cached = { key, publisher };
  return publisher;
}
