import { ValidationError, type FieldIssue } from '../core/errors';
import { monthIndex } from './cycles';

/**
 * Scale by number of users (Decree 137, Art. 17.2–17.4 and Art. 18.1), pure.
 *
 * Boundary rules:
 * - the figure is the average of exactly 12 consecutive months of active users in Vietnam (Art. 17.4):
 *   fewer or more months, a gap or a repeated month is refused, never averaged;
 * - share = average ÷ the population figure used;
 * - share below 3 % → `none`; from 3 % up to and including 10 % → `large` ("between 3 % and 10 %");
 *   over 10 % → `particularlyLarge` ("over 10 %");
 * - comparisons are done on whole numbers (100 × total against 36 × and 120 × population), so 3 % and 10 %
 *   exactly are never lost to rounding;
 * - Art. 18 names only intermediary platforms whose administrator is independent of the transacting parties:
 *   for any other system the platform scale is `none`, and the Art. 17 scale is still reported as `systemScale`.
 */
export type Scale = 'none' | 'large' | 'particularlyLarge';

export interface MonthlyUsers {
  /** `YYYY-MM` */
  month: string;
  activeUsers: number;
}

export interface PopulationFigure {
  year: number;
  version: number;
  value: number;
  source: string;
  /** `YYYY-MM-DD`, the date the competent agency announced it */
  announcedOn: string;
}

export interface Classification {
  months: number;
  firstMonth: string;
  lastMonth: string;
  totalActiveUsers: number;
  averageMonthlyActiveUsers: number;
  /** Percentage of the population, rounded to 4 decimals for display; the scale uses exact arithmetic. */
  sharePercent: number;
  systemScale: Scale;
  intermediary: boolean;
  scale: Scale;
  population: PopulationFigure;
}

export const MONTHS_REQUIRED = 12;

/** What is wrong with a list of months, field by field (`months.3.month`); empty when it is usable. */
export function monthsIssues(months: readonly MonthlyUsers[], field = 'months'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (months.length !== MONTHS_REQUIRED) {
    issues.push({
      field,
      message: `Exactly ${MONTHS_REQUIRED} consecutive months are needed, got ${months.length}.`,
    });
  }
  const seen = new Set<number>();
  months.forEach((entry, i) => {
    const index = monthIndex(entry.month);
    if (seen.has(index))
      issues.push({ field: `${field}.${i}.month`, message: `${entry.month} is repeated.` });
    else if (i > 0) {
      const previous = monthIndex(months[i - 1]?.month ?? '');
      if (index !== previous + 1) {
        issues.push({
          field: `${field}.${i}.month`,
          message: `${entry.month} does not follow ${months[i - 1]?.month ?? ''}: months must be consecutive, oldest first.`,
        });
      }
    }
    seen.add(index);
    if (!Number.isSafeInteger(entry.activeUsers) || entry.activeUsers < 0) {
      issues.push({
        field: `${field}.${i}.activeUsers`,
        message: 'Active users must be a whole number, 0 or more.',
      });
    }
  });
  return issues;
}

export function scaleOfShare(totalActiveUsers: number, monthCount: number, population: number): Scale {
  // average / population ≥ 3/100  ⇔  100 × total ≥ 3 × months × population (all whole numbers)
  const left = 100 * totalActiveUsers;
  if (left > 10 * monthCount * population) return 'particularlyLarge';
  if (left >= 3 * monthCount * population) return 'large';
  return 'none';
}

export function classify(
  months: readonly MonthlyUsers[],
  population: PopulationFigure,
  intermediary: boolean,
): Classification {
  const issues = monthsIssues(months);
  if (!Number.isSafeInteger(population.value) || population.value <= 0) {
    issues.push({
      field: 'population.value',
      message: 'The population figure must be a whole number above 0.',
    });
  }
  if (issues.length) throw new ValidationError(issues, 'These months cannot be classified.');
  const totalActiveUsers = months.reduce((sum, entry) => sum + entry.activeUsers, 0);
  const systemScale = scaleOfShare(totalActiveUsers, months.length, population.value);
  const average = totalActiveUsers / months.length;
  return {
    months: months.length,
    firstMonth: months[0]?.month ?? '',
    lastMonth: months[months.length - 1]?.month ?? '',
    totalActiveUsers,
    averageMonthlyActiveUsers: Math.round(average * 100) / 100,
    sharePercent: Math.round((average / population.value) * 100 * 10_000) / 10_000,
    systemScale,
    intermediary,
    scale: intermediary ? systemScale : 'none',
    population: { ...population },
  };
}
