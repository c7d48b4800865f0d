/**
 * Self-determination cycles (Decree 137, Art. 18.2). Cycle Y is the year whose deadline a platform
 * answers: 2025 is the first self-determination, due within 12 months of the decree's effect on
 * 23 October 2024; from 2026 it is due before 31 January of Y, over January–December of Y−1.
 * Pure functions of their arguments; dates are Vietnam calendar dates (UTC+7, no daylight saving).
 */

export const FIRST_CYCLE = 2025;
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The instant a Vietnam calendar date begins. */
export function vietnamMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - VIETNAM_OFFSET_MS);
}

/** Year, month (1-12) and day of an instant on the Vietnam calendar. */
export function vietnamDate(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * Submissions must arrive before this instant. 2025: "no later than 12 months" from 23 October 2024, so
 * 23 October 2025 is still in time (the deadline is the end of that day). From 2026: "before January 31",
 * so the last day in time is 30 January (the deadline is the start of 31 January).
 */
export function deadlineFor(cycle: number): Date {
  return cycle === FIRST_CYCLE ? vietnamMidnight(2025, 10, 24) : vietnamMidnight(cycle, 1, 31);
}

/** Why a cycle cannot be used now, or undefined when it can. Future cycles are not open yet. */
export function cycleProblem(cycle: number, now: Date): string | undefined {
  if (!Number.isInteger(cycle)) return 'The cycle is a year such as 2026.';
  if (cycle < FIRST_CYCLE) return `The first self-determination cycle is ${FIRST_CYCLE}.`;
  const current = vietnamDate(now).year;
  if (cycle > current) return `Cycle ${cycle} has not started yet (the current cycle is ${current}).`;
  return undefined;
}

export interface Reminder {
  daysBefore: number;
  at: Date;
}

export const REMINDER_DAYS = [14, 3] as const;

/** Reminders still ahead of `now`, earliest first; reminders already past when the cycle starts are skipped. */
export function remindersAhead(deadline: Date, now: Date): Reminder[] {
  return REMINDER_DAYS.map((daysBefore) => ({
    daysBefore,
    at: new Date(deadline.getTime() - daysBefore * DAY_MS),
  }))
    .filter((reminder) => reminder.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Months are handled as a running index (year × 12 + month − 1) so that "consecutive" is plain arithmetic. */
export function monthIndex(month: string): number {
  const [year, number] = month.split('-').map(Number);
  return (year ?? 0) * 12 + (number ?? 1) - 1;
}

export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months whose last month a cycle's 12 months may end with. From 2026 the period is fixed (December of
 * Y−1). For 2025 the law asks for "the last 12 months" before the self-determination, so the period may end
 * with any complete month from September 2024 (the last complete month when the decree took effect) to the
 * month before the submission.
 */
export function allowedLastMonths(cycle: number, submittedAt: Date): { earliest: string; latest: string } {
  if (cycle !== FIRST_CYCLE) return { earliest: `${cycle - 1}-12`, latest: `${cycle - 1}-12` };
  const { year, month } = vietnamDate(submittedAt);
  return { earliest: '2024-09', latest: monthLabel(year * 12 + month - 2) };
}

/**
 * Art. 18.2.a obliges platforms operating 12 months or more; the timer starts a cycle for a platform that
 * will have operated 12 months by the cycle's deadline.
 */
export function operatesTwelveMonthsBy(operatingSince: string, cycle: number): boolean {
  const deadlineDay = new Date(deadlineFor(cycle).getTime() + VIETNAM_OFFSET_MS - DAY_MS);
  const yearBefore = `${deadlineDay.getUTCFullYear() - 1}-${String(deadlineDay.getUTCMonth() + 1).padStart(2, '0')}-${String(deadlineDay.getUTCDate()).padStart(2, '0')}`;
  return operatingSince <= yearBefore;
}
