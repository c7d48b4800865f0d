import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/core/errors';
import { classify, monthsIssues, scaleOfShare } from '../../../functions/platforms/classification';
import { months, POPULATION } from '../../support/platforms/samples';

const population = { ...POPULATION, value: 100_000_000 };
const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('no ValidationError');
};

describe('classification thresholds (Art. 17.2, 17.3)', () => {
  it('is none just under 3 %, large at exactly 3 %', () => {
    expect(classify(months('2025-01', 2_999_999), population, true).scale).toBe('none');
    const atThree = classify(months('2025-01', 3_000_000), population, true);
    expect(atThree.scale).toBe('large');
    expect(atThree.sharePercent).toBe(3);
  });

  it('is large at exactly 10 % ("between 3 % and 10 %") and particularly large just over it', () => {
    expect(classify(months('2025-01', 10_000_000), population, true).scale).toBe('large');
    expect(classify(months('2025-01', 10_000_001), population, true).scale).toBe('particularlyLarge');
  });

  it('decides on the 12-month average, not on single months', () => {
    // 11 months at 2.9 % and one at 4.1 % average exactly 3 %.
    const users = [...Array<number>(11).fill(2_900_000), 4_100_000];
    const result = classify(months('2025-01', users), population, true);
    expect(result.totalActiveUsers).toBe(36_000_000);
    expect(result.averageMonthlyActiveUsers).toBe(3_000_000);
    expect(result.scale).toBe('large');
    // One user fewer in total is below 3 %: exact arithmetic, no rounding up.
    users[0] = 2_899_999;
    expect(classify(months('2025-01', users), population, true).scale).toBe('none');
  });

  it('keeps exactness where the share is not a round number', () => {
    // population 101,300,000: 3 % is 3,039,000 a month on average.
    expect(classify(months('2025-01', 3_039_000), POPULATION, true).scale).toBe('large');
    expect(classify(months('2025-01', 3_038_999), POPULATION, true).scale).toBe('none');
    expect(scaleOfShare(12 * 10_130_000, 12, POPULATION.value)).toBe('large');
    expect(scaleOfShare(12 * 10_130_000 + 1, 12, POPULATION.value)).toBe('particularlyLarge');
  });

  it('gives platform scale none for a system that is not an independent intermediary (Art. 18.1)', () => {
    const result = classify(months('2025-01', 20_000_000), population, false);
    expect(result.systemScale).toBe('particularlyLarge');
    expect(result.scale).toBe('none');
  });

  it('records the population figure it used', () => {
    expect(classify(months('2025-01', 1), POPULATION, true).population).toEqual(POPULATION);
  });
});

describe('the 12 months', () => {
  it('refuses 11 or 13 months', () => {
    expect(issuesOf(() => classify(months('2025-01', 5, 11), population, true))).toEqual([
      { field: 'months', message: 'Exactly 12 consecutive months are needed, got 11.' },
    ]);
    expect(issuesOf(() => classify(months('2025-01', 5, 13), population, true))[0]?.field).toBe('months');
  });

  it('refuses a missing month (a gap), naming the month after it', () => {
    const list = months('2025-01', 5, 13);
    list.splice(4, 1); // no May
    const issues = monthsIssues(list);
    expect(issues).toEqual([
      {
        field: 'months.4.month',
        message: '2025-06 does not follow 2025-04: months must be consecutive, oldest first.',
      },
    ]);
  });

  it('refuses repeated and out-of-order months', () => {
    const repeated = months('2025-01', 5);
    repeated[5] = { month: '2025-05', activeUsers: 5 };
    expect(monthsIssues(repeated).map((issue) => issue.field)).toContain('months.5.month');
    const reversed = months('2025-01', 5).reverse();
    expect(monthsIssues(reversed)).toHaveLength(11);
  });

  it('crosses a year boundary', () => {
    expect(monthsIssues(months('2024-07', 5))).toEqual([]);
  });

  it('refuses negative and fractional counts by field', () => {
    const list = months('2025-01', 5);
    list[2] = { month: '2025-03', activeUsers: -1 };
    list[7] = { month: '2025-08', activeUsers: 2.5 };
    expect(monthsIssues(list).map((issue) => issue.field)).toEqual([
      'months.2.activeUsers',
      'months.7.activeUsers',
    ]);
  });
});
