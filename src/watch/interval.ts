/** `--every 6h` style intervals. */
import { InputError } from '../errors/input-error.ts';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseInterval(text: string, minMs = 60_000): number {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim());
  const ms = m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0) : Number.NaN;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InputError(`"${text}" is not an interval.`, { hint: 'Use a number and a unit: 30m, 6h, 1d.' });
  }
  if (ms < minMs) {
    throw new InputError(`Polling every ${text} is too often.`, {
      hint: `Poll at most every ${minMs / 1000} s; sources rate-limit heavy users.`,
    });
  }
  return ms;
}

export function formatInterval(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}
