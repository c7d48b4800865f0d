import { ValidationError } from '../core/errors';

/** A population year from a route: four digits, not after the current year (Vietnam time). */
export function parseYear(text: string, now: Date): number {
  const current = new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < 1900 || year > current) {
    throw new ValidationError([{ field: 'year', message: `A year from 1900 to ${current}.` }]);
  }
  return year;
}
