/**
 * The README is the front door and stays short; the depth is in docs/*.md.
 * These keep both true: the README's length, every relative link (and its
 * #anchor) in README.md and docs/*.md, and every environment variable the
 * config schema reads documented in .env.example or docs/configuration.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env-schema.ts';
import { PROJECT_ROOT as root } from '../../src/config/paths.ts';

const README = join(root, 'README.md');
const DOCS = join(root, 'docs');
const pages = [README, ...readdirSync(DOCS).flatMap((f) => (f.endsWith('.md') ? [join(DOCS, f)] : []))];

/** The text outside fenced code blocks, where a link is a link. */
function prose(file: string): string {
  return readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  return new Set([...prose(file).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1] ?? '')));
}

/** Relative link targets: markdown links and images, and src/href attributes. */
function linksOf(file: string): string[] {
  const text = prose(file).replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? ''),
  ];
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

/** What is wrong with one link from `file`, or null when it resolves. */
function brokenLink(file: string, target: string): string | null {
  const [path = '', hash] = target.split('#', 2);
  const dest = path === '' ? file : join(dirname(file), path);
  const where = `${relative(root, file)} links to ${target}`;
  if (!existsSync(dest)) return `${where}: no file ${relative(root, dest)}`;
  if (hash !== undefined && dest.endsWith('.md') && !anchorsOf(dest).has(hash))
    return `${where}: no heading "#${hash}" in ${relative(root, dest)}`;
  return null;
}

describe('the README and docs/', () => {
  it('keep the README under 250 lines', () => {
    const lines = readFileSync(README, 'utf8').trimEnd().split('\n').length;
    expect(lines, 'README.md: move the depth into a docs/*.md file and link it').toBeLessThan(250);
  });

  it('link only to files and headings that exist', () => {
    const links = pages.flatMap((file) => linksOf(file).map((target) => ({ file, target })));
    expect(links.length).toBeGreaterThan(20);
    const broken = links.flatMap(({ file, target }) => brokenLink(file, target) ?? []);
    expect(broken).toEqual([]);
  });

  it('document every variable of the config schema in .env.example or docs/configuration.md', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const table = readFileSync(join(DOCS, 'configuration.md'), 'utf8');
    const names = Object.keys(EnvSchema.shape);
    expect(names.length).toBeGreaterThan(50);
    const missing = names.filter(
      (name) => !new RegExp(`^${name}=`, 'm').test(example) && !table.includes(`\`${name}\``),
    );
    expect(missing, 'add each to .env.example (with a comment) and docs/configuration.md').toEqual([]);
  });
});
