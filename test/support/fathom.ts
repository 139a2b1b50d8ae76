/**
 * Debian's Lingua::EN::Fathom (package liblingua-en-fathom-perl) as a reference
 * for LaySum's Flesch-Kincaid grade: one perl process grades many texts.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const SCRIPT = `use strict; use JSON::PP; use Lingua::EN::Fathom;
my $json = JSON::PP->new;
while (my $line = <STDIN>) { my $f = Lingua::EN::Fathom->new; $f->analyse_block($json->decode($line), 0); printf("%.4f\\n", $f->kincaid); }`;

export const fathomAvailable = spawnSync('perl', ['-MLingua::EN::Fathom', '-e', '1']).status === 0;

/** Fathom's Flesch-Kincaid grade for each text. */
export function fathomGrades(texts: readonly string[]): number[] {
  const input = `${texts.map((t) => JSON.stringify(t)).join('\n')}\n`;
  const out = execFileSync('perl', ['-e', SCRIPT], { input, maxBuffer: 1e8 }).toString();
  return out.trim().split('\n').map(Number);
}
