/**
 * Feeds list authors one per element (Nature, PubMed: repeated dc:creator)
 * or all in one string: "A B, C D and E F" (IJSEM), "LAPALU, N., SIMON, A."
 * (bioRxiv, surname-comma-initials), "范存祥,林志斌" (Chinese journals).
 * This splits the one-string forms into one name per entry.
 */
import { htmlToLine } from './html.ts';

/** "N.", "P.-L.", "R. J.", "A": each capital closed by a dot, a space, a hyphen or the end. */
const INITIALS = /^[A-Z](?:\.|(?=[\s-]|$))(?:[\s-]*[A-Z](?:\.|(?=[\s-]|$)))*$/;
const SEPARATOR = /\s*[,，、]\s*/;

function splitOne(value: string): string[] {
  const text = htmlToLine(value);
  if (text.includes(';')) return text.split(/\s*;\s*/).flatMap(splitAnd);
  const parts = text.split(SEPARATOR).filter((p) => p.length > 0);
  if (parts.length < 2) return splitAnd(text);
  if (isSurnameInitialsList(parts)) return pairUp(parts);
  return parts.flatMap(splitAnd);
}

/** "SIMON, A., Lu, A." style: every second part is a run of initials. */
function isSurnameInitialsList(parts: string[]): boolean {
  if (parts.length % 2 !== 0) return false;
  return parts.every((part, i) => (i % 2 === 1 ? INITIALS.test(part) : !INITIALS.test(part)));
}

function pairUp(parts: string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) names.push(`${parts[i]}, ${parts[i + 1]}`);
  return names;
}

function splitAnd(text: string): string[] {
  return text
    .split(/\s+(?:and|&)\s+/i)
    .map((name) => name.replace(/^and\s+/i, '').trim())
    .filter((name) => name.length > 0);
}

/** One name per entry, in feed order, without duplicates or empty strings. */
export function splitAuthors(values: ReadonlyArray<string | undefined>): string[] {
  const present = values.filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
  const names = present.length === 1 ? splitOne(present[0] ?? '') : present.map(htmlToLine);
  return [...new Set(names.filter((n) => n.length > 0))];
}
