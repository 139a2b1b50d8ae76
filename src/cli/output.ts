/** How the CLI talks: plain text for people, `--json` for scripts, errors with what to do. */
import { describeError } from '../errors/describe.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { redactSecrets } from '../errors/redact.ts';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/**
 * Print an error the way a person should read it and set a non-zero exit code; a command run
 * with --json prints it as JSON on standard output instead (`{ error, hint }`), for scripts.
 */
export function reportError(err: unknown, argv: readonly string[] = process.argv): void {
  process.exitCode = 1;
  if (argv.includes('--json')) {
    const plain = err instanceof LaySumError;
    const error = redactSecrets(plain ? err.message : err instanceof Error ? err.message : String(err));
    const hint = plain && err.hint ? redactSecrets(err.hint) : null;
    printJson({ error, hint });
    return;
  }
  process.stderr.write(`error: ${describeError(err)}\n`);
}

export function wrap(text: string, width = 88, indent = '  '): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
