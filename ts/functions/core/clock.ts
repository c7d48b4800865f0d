import { isLocalHost, localClockStart } from './config';

/** Time is injected so domain code and tests never read the wall clock themselves. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at (or advanced by hand from) a given time, for tests. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * The app's clock: the system clock, shifted when the local host is asked to run at another time
 * (LOCAL_CLOCK_START, or its /admin/clock endpoint). The shift is kept on globalThis so that the local
 * host and the app share it even when the module is loaded twice (test runners do that).
 */
interface ClockShift {
  offsetMs: number;
  initialised: boolean;
}
const SHIFT_KEY = Symbol.for('etransactions.clockShift');
function shift(): ClockShift {
  const holder = globalThis as unknown as Record<symbol, ClockShift | undefined>;
  let value = holder[SHIFT_KEY];
  if (!value) {
    value = { offsetMs: 0, initialised: false };
    holder[SHIFT_KEY] = value;
  }
  if (!value.initialised) {
    value.initialised = true;
    const start = localClockStart();
    if (start) value.offsetMs = start.getTime() - Date.now();
  }
  return value;
}

export const appClock: Clock = { now: () => new Date(Date.now() + shift().offsetMs) };

/** Local host only: move the app clock so that it reads `to` now. */
export function moveAppClockTo(to: Date): void {
  if (!isLocalHost()) throw new Error('The app clock can be moved only inside the local host');
  shift().offsetMs = to.getTime() - Date.now();
}

/** Renders an instant in Vietnam time (UTC+7, no daylight saving) as `YYYY-MM-DDTHH:mm:ss+07:00`. */
export function toVietnamTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}
