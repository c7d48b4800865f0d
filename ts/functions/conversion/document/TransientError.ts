/**
 * A failure that may pass if the same work is tried again later (a service throttling or down, a
 * network error). The blob trigger lets the host retry it instead of recording a rejection.
 */
export class TransientError extends Error {
  constructor(
    message: string,
    /** Seconds the service asked to wait, when it said. */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransientError';
  }
}
