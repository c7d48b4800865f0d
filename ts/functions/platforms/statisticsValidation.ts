import { ValidationError, type FieldIssue } from '../core/errors';
import { zodIssues } from '../core/http';
import { monthsIssues, type PopulationFigure } from './classification';
import { allowedLastMonths, cycleProblem, monthIndex } from './cycles';
import { monthlyUsersSchema, statisticsSchema, type StatisticsBody } from './schemas';

export interface ValidStatistics {
  cycle: number;
  statistics: StatisticsBody;
}

function cycleIssues(cycleText: string, now: Date): { cycle?: number; issues: FieldIssue[] } {
  if (!/^\d{4}$/.test(cycleText))
    return { issues: [{ field: 'cycle', message: 'The cycle is a year such as 2026.' }] };
  const cycle = Number(cycleText);
  const problem = cycleProblem(cycle, now);
  return problem ? { issues: [{ field: 'cycle', message: problem }] } : { cycle, issues: [] };
}

/** A cycle from a route, valid now, or a ValidationError naming `cycle`. */
export function parseCycle(cycleText: string, now: Date): number {
  const { cycle, issues } = cycleIssues(cycleText, now);
  if (cycle === undefined) throw new ValidationError(issues);
  return cycle;
}

function periodIssues(months: { month: string }[], cycle: number, now: Date): FieldIssue[] {
  const last = months[months.length - 1];
  if (!last) return [];
  const { earliest, latest } = allowedLastMonths(cycle, now);
  const index = monthIndex(last.month);
  if (index >= monthIndex(earliest) && index <= monthIndex(latest)) return [];
  const field = `months.${months.length - 1}.month`;
  if (earliest === latest) {
    return [
      {
        field,
        message: `Cycle ${cycle} covers January to December ${cycle - 1}: the last month must be ${latest}.`,
      },
    ];
  }
  return [
    {
      field,
      message: `The 12 months must end with a complete month from ${earliest} to ${latest}; ${last.month} is outside.`,
    },
  ];
}

/**
 * Checks a statistics submission for a cycle: its shape, the cycle, 12 consecutive complete months of the
 * cycle's period and counts no larger than the population. Every problem is reported at once, by field.
 */
export function validateStatistics(
  cycleText: string,
  body: unknown,
  now: Date,
  population: PopulationFigure | undefined,
): ValidStatistics {
  const { cycle, issues } = cycleIssues(cycleText, now);
  const parsed = statisticsSchema.safeParse(body);
  if (!parsed.success) issues.push(...zodIssues(parsed.error));

  // The months are checked even when another field is wrong, so the caller sees everything at once.
  const rawMonths = (body as { months?: unknown } | null)?.months;
  const months = monthlyUsersSchema.array().safeParse(rawMonths);
  if (months.success) {
    issues.push(...monthsIssues(months.data));
    if (cycle !== undefined) issues.push(...periodIssues(months.data, cycle, now));
    if (population) {
      months.data.forEach((entry, i) => {
        if (entry.activeUsers > population.value) {
          issues.push({
            field: `months.${i}.activeUsers`,
            message: `${entry.activeUsers} is more than the population of Vietnam (${population.value}, ${population.year}).`,
          });
        }
      });
    }
  }
  const unique = issues.filter(
    (issue, i) =>
      issues.findIndex((other) => other.field === issue.field && other.message === issue.message) === i,
  );
  if (unique.length || !parsed.success || cycle === undefined) throw new ValidationError(unique);
  return { cycle, statistics: parsed.data };
}
