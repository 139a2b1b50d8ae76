/**
 * Day filters (`from`, `to`): a calendar day written YYYY-MM-DD, read in UTC,
 * both ends inclusive. The queue (desk, API, CLI) and the history take them
 * through here, so a day means the same everywhere and a bad one is refused
 * with the same words.
 */
import { InputError } from '../errors/input-error.ts';

/** The day as given, or undefined when none is; refused unless it is a real calendar day. */
export function parseDay(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value))
    return value;
  throw new InputError(`The ${name} date "${value}" is not a day.`, { hint: 'Write it as YYYY-MM-DD.' });
}

/** The first millisecond of a parsed day (UTC). */
export const dayStart = (day: string | undefined): number | undefined =>
  day ? Date.parse(`${day}T00:00:00Z`) : undefined;

/** The last millisecond of a parsed day (UTC). */
export const dayEnd = (day: string | undefined): number | undefined =>
  day ? Date.parse(`${day}T23:59:59.999Z`) : undefined;
