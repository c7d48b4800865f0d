import { describe, expect, it } from 'vitest';
import { ValidationError, type FieldIssue } from '../../../functions/core/errors';
import { validateStatistics } from '../../../functions/platforms/statisticsValidation';
import { POPULATION, statisticsBody } from '../../support/platforms/samples';

const now = new Date('2026-01-10T03:00:00Z');

function issues(cycle: string, body: unknown, population = POPULATION): FieldIssue[] {
  try {
    validateStatistics(cycle, body, now, population);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('valid');
}

describe('statistics validation', () => {
  it('accepts January to December of the previous year for cycle 2026', () => {
    const { cycle, statistics } = validateStatistics(
      '2026',
      statisticsBody('2025-01', 3_500_000),
      now,
      POPULATION,
    );
    expect(cycle).toBe(2026);
    expect(statistics.months).toHaveLength(12);
  });

  it('refuses a cycle before 2025, in the future or not a year', () => {
    expect(issues('2024', statisticsBody('2023-01', 1))).toContainEqual(
      expect.objectContaining({ field: 'cycle' }),
    );
    expect(issues('2027', statisticsBody('2026-01', 1))).toContainEqual(
      expect.objectContaining({ field: 'cycle' }),
    );
    expect(issues('20x6', statisticsBody('2025-01', 1))[0]?.field).toBe('cycle');
  });

  it('refuses months outside the cycle period', () => {
    expect(issues('2026', statisticsBody('2024-12', 1))).toEqual([
      {
        field: 'months.11.month',
        message: 'Cycle 2026 covers January to December 2025: the last month must be 2025-12.',
      },
    ]);
  });

  it('for 2025 refuses a month that is not complete yet', () => {
    const may = new Date('2025-05-20T00:00:00Z');
    expect(() => validateStatistics('2025', statisticsBody('2024-05', 1), may, POPULATION)).not.toThrow();
    expect(() => validateStatistics('2025', statisticsBody('2024-06', 1), may, POPULATION)).toThrow(
      ValidationError,
    );
  });

  it('refuses counts above the population, negative and fractional counts', () => {
    const users = Array<number>(12).fill(1000);
    users[0] = POPULATION.value + 1;
    users[1] = -5;
    users[2] = 10.5;
    expect(issues('2026', statisticsBody('2025-01', users)).map((issue) => issue.field)).toEqual([
      'months.1.activeUsers',
      'months.2.activeUsers',
      'months.0.activeUsers',
    ]);
  });

  it('reports every problem at once: shape, months and cycle together', () => {
    const body = statisticsBody('2025-01', 1, { declarant: { name: '' }, extra: true });
    body.months.pop();
    const found = issues('2030', body);
    expect(found.map((issue) => issue.field).sort()).toEqual(
      ['(body)', 'cycle', 'declarant.name', 'declarant.position', 'months'].sort(),
    );
  });

  it('refuses a body that is not an object, and non-numeric counts', () => {
    expect(issues('2026', null)[0]?.field).toBe('(body)');
    expect(issues('2026', [1, 2])[0]?.field).toBe('(body)');
    const body = statisticsBody('2025-01', 1) as { months: { month: string; activeUsers: unknown }[] };
    body.months[3] = { month: '2025-04', activeUsers: '12' };
    expect(issues('2026', body)).toContainEqual(expect.objectContaining({ field: 'months.3.activeUsers' }));
  });
});
