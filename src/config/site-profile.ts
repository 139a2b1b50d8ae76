/** The site profile (SITE_* variables): who the site writes for, read by the prompt, the checks and the pages. */
import type { Env } from './env-schema.ts';

/** Who this site writes for and how (one profile per LAYSUM_PREFIX): read by the prompt, the checks and the pages. */
export interface SiteProfile {
  /** The readers, in words the prompt can use: "people living with multiple sclerosis and their caregivers". */
  audience: string;
  /** Terms a relevant paper mentions (SITE_FOCUS, comma-separated); empty: every paper is in focus. */
  focus: string[];
  /** The condition the site is about (the first focus term), for {condition} in the disclaimer. */
  condition: string | null;
  readingTargetGrade: number;
  /** Extra rules for the writer (SITE_HOUSE_RULES), or null. */
  houseRules: string | null;
  /** The disclaimer template: {journal} and {condition} are filled in per summary (src/publish/disclaimer.ts). */
  disclaimer: string;
}

export function siteProfile(env: Env): SiteProfile {
  const focus = (env.SITE_FOCUS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    audience: env.SITE_AUDIENCE.trim(),
    focus,
    condition: focus[0] ?? null,
    readingTargetGrade: env.READING_TARGET_GRADE,
    houseRules: env.SITE_HOUSE_RULES ?? null,
    disclaimer: env.DISCLAIMER_TEXT,
  };
}
