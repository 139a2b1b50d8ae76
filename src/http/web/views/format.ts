/** Small display helpers for desk pages. */
import type { PaperState } from '../../../domain/state.ts';

/** "4 min", "3 h", "2 d": how long ago, coarse enough to scan a queue. */
export function age(iso: string, now = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

export function stateLabel(state: PaperState): string {
  return state.replace('_', ' ');
}

/** "2026-05-01 14:03 UTC" */
export function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A stored reason as the desk should say it: the CLI's "run `laysum retry ID`"
 * becomes the Retry button that sits beside it.
 */
export function deskWording(reason: string): string {
  return reason
    .replace(
      /\n\s*Run `laysum retry [^`]*` once the problem is fixed\./g,
      ' Press Retry below once the problem is fixed.',
    )
    .replace(/,? then run `laysum retry [^`]*`/g, ', then press Retry below')
    .replace(/`laysum retry [^`]*`/g, 'Retry (below)');
}
