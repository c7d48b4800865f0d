/**
 * A notification: one JSON message on the Service Bus topic `notifications` in Azure (the local
 * `notifications` queue in development), also recorded in the `notifications` table. The format is
 * documented in README.md (Notifications); add fields, never rename them.
 */
export type Recipient = 'platform' | 'regulator';

export interface Notification {
  /** Stable id: a repeated delivery of the same event has the same id (Service Bus MessageId too). */
  id: string;
  /** e.g. `selfDetermination.reminder` */
  type: string;
  /** UTC ISO-8601 */
  occurredAt: string;
  /** The same instant in Vietnam time, `+07:00` */
  occurredAtVietnam: string;
  recipients: Recipient[];
  platformId?: string;
  subject: { vi: string; en: string };
  text: { vi: string; en: string };
  data: Record<string, unknown>;
}

export const NOTIFICATION_SCHEMA_VERSION = 1;
