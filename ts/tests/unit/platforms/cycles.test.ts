import { describe, expect, it } from 'vitest';
import {
  allowedLastMonths,
  cycleProblem,
  deadlineFor,
  operatesTwelveMonthsBy,
  remindersAhead,
  vietnamDate,
} from '../../../functions/platforms/cycles';
import { toVietnamTime } from '../../../functions/core/clock';

describe('deadlines (Art. 18.2)', () => {
  it('2025: 23 October 2025 is still in time (12 months from the decree of 23 October 2024)', () => {
    const deadline = deadlineFor(2025);
    expect(deadline.toISOString()).toBe('2025-10-23T17:00:00.000Z');
    expect(toVietnamTime(deadline)).toBe('2025-10-24T00:00:00+07:00');
  });

  it('from 2026: before 31 January, so 30 January is the last day', () => {
    expect(toVietnamTime(deadlineFor(2026))).toBe('2026-01-31T00:00:00+07:00');
    expect(deadlineFor(2027).toISOString()).toBe('2027-01-30T17:00:00.000Z');
  });

  it('reminds 14 and 3 days before, skipping reminders already past', () => {
    const deadline = deadlineFor(2026);
    const all = remindersAhead(deadline, new Date('2025-12-31T17:05:00Z'));
    expect(all.map((r) => [r.daysBefore, toVietnamTime(r.at)])).toEqual([
      [14, '2026-01-17T00:00:00+07:00'],
      [3, '2026-01-28T00:00:00+07:00'],
    ]);
    expect(remindersAhead(deadline, new Date('2026-01-20T00:00:00Z')).map((r) => r.daysBefore)).toEqual([3]);
    expect(remindersAhead(deadline, new Date('2026-01-16T17:00:00Z')).map((r) => r.daysBefore)).toEqual([3]);
    expect(remindersAhead(deadline, new Date('2026-01-29T00:00:00Z'))).toEqual([]);
  });
});

describe('cycles', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  it('accepts 2025 up to the current year (Vietnam time)', () => {
    expect(cycleProblem(2025, now)).toBeUndefined();
    expect(cycleProblem(2026, now)).toBeUndefined();
    expect(cycleProblem(2024, now)).toMatch(/first self-determination cycle is 2025/);
    expect(cycleProblem(2027, now)).toMatch(/not started yet/);
    // 31 December 17:30 UTC is already 1 January in Vietnam.
    expect(cycleProblem(2027, new Date('2026-12-31T17:30:00Z'))).toBeUndefined();
    expect(vietnamDate(new Date('2026-12-31T17:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('fixes the period from 2026 and lets 2025 end with a recent complete month', () => {
    expect(allowedLastMonths(2026, now)).toEqual({ earliest: '2025-12', latest: '2025-12' });
    expect(allowedLastMonths(2025, new Date('2025-06-10T00:00:00Z'))).toEqual({
      earliest: '2024-09',
      latest: '2025-05',
    });
    expect(allowedLastMonths(2025, new Date('2025-01-10T00:00:00Z')).latest).toBe('2024-12');
  });

  it('counts 12 months of operation up to the deadline', () => {
    expect(operatesTwelveMonthsBy('2024-10-23', 2025)).toBe(true);
    expect(operatesTwelveMonthsBy('2024-10-24', 2025)).toBe(false);
    expect(operatesTwelveMonthsBy('2025-01-30', 2026)).toBe(true);
    expect(operatesTwelveMonthsBy('2025-01-31', 2026)).toBe(false);
  });
});
