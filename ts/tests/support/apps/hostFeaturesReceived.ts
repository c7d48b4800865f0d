/** What the functions of hostFeatures.ts received; kept apart so tests can read it without registering. */
export interface Received {
  timers: { isPastDue: boolean; at: string }[];
  blobs: { name: string; folder: string; size: number; metadata: unknown; blobTrigger: unknown }[];
  messages: { body: unknown; deliveryCount: unknown }[];
}

const KEY = Symbol.for('etransactions.tests.hostFeatures');
export function received(): Received {
  const holder = globalThis as unknown as Record<symbol, Received | undefined>;
  holder[KEY] ??= { timers: [], blobs: [], messages: [] };
  return holder[KEY];
}
