/**
 * Worker thread entry: runs pdf-parse (pdf.js) on the bytes it is given and
 * posts back the text of each page and the Info strings. It lives in its own
 * thread so a large or hostile PDF cannot block the event loop, and so the
 * caller can terminate it on timeout.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import {
  classifyParseError,
  type ParseThreadInput,
  type ParseThreadResult,
  pickInfo,
} from './thread-protocol.ts';

// pdf-parse is loaded with require (its CommonJS build) so that, when this
// file runs through tsx's tsImport, pdf.js (1 MB + a 1 MB worker module) is
// not sent through the TypeScript loader: a thread starts in ~0.6 s, not ~1.6 s.
const { PDFParse } = createRequire(import.meta.url)('pdf-parse') as typeof import('pdf-parse');

async function parse(input: ParseThreadInput): Promise<ParseThreadResult> {
  const parser = new PDFParse({ data: input.bytes, verbosity: 0 });
  try {
    const info = await parser.getInfo();
    // pageJoiner '' : no "-- 1 of 3 --" markers; pages are returned separately anyway.
    const text = await parser.getText({ pageJoiner: '' });
    return { ok: true, pages: text.pages.map((page) => page.text), info: pickInfo(info.info) };
  } catch (err) {
    return { ok: false, ...classifyParseError(err) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

const result = await parse(workerData as ParseThreadInput);
parentPort?.postMessage(result);
