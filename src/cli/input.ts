/** A file named on the command line, or standard input for `-`. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors/input-error.ts';

export async function readInput(path: string, what = ''): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(path);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    throw new InputError(`Cannot read ${what}${path}${code ? ` (${code})` : ''}.`, {
      hint: 'Check the path; use `-` to read from standard input.',
    });
  }
}
