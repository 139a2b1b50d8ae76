/**
 * Sizes as people read them. A megabyte is 10^6 bytes here, as in the
 * MAX_PDF_BYTES default (25000000 is "25 MB") and in what file managers show.
 */

export const MEGABYTE = 1_000_000;

/** 25000000 -> "25", 11534336 -> "11.5": whole megabytes without a decimal, others with one. */
export function formatMegabytes(bytes: number): string {
  const value = bytes / MEGABYTE;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
