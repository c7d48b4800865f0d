import type { Notification } from './notification';
import { notificationPublisher, type NotificationPublisher } from './notificationPublisher';
import { NotificationStore } from './notificationStore';

export interface NotifyDeps {
  store: NotificationStore;
  publisher: NotificationPublisher;
}

/**
 * Records a notification, then publishes it. Idempotent: a notification already published (same id) is
 * not sent again, so a retried activity does not notify twice.
 */
export async function notify(
  notification: Notification,
  now: Date,
  deps: NotifyDeps = { store: new NotificationStore(), publisher: notificationPublisher() },
): Promise<void> {
  const stored = await deps.store.record(notification, now);
  if (stored.publishedAt) return;
  await deps.publisher.publish(notification);
  await deps.store.markPublished(notification, now);
}
