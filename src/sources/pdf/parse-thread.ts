/**
 * PDF parsing thread entry: a long-lived thread of the pool in ./run-thread.ts.
 * For each request it runs pdf-parse (pdf.js) on the bytes, reads pages from
 * the first until the text budget is in hand (./thread-protocol.ts
 * `enoughPages`), and posts back their text, the page count and the Info
 * strings. It lives in a thread so a large or hostile PDF cannot block the
 * event loop, and so the caller can terminate it on timeout.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import {
  classifyParseError,
  cleanedLengthAtLeast,
  enoughPages,
  frontDoi,
  type ParseThreadInput,
  type ParseThreadReply,
  type ParseThreadRequest,
  type ParseThreadResult,
  pickInfo,
} from './thread-protocol.ts';

// pdf-parse is loaded with require (its CommonJS build) so that, when this
// file runs through tsx's tsImport, pdf.js (1 MB + a 1 MB worker module) is
// not sent through the TypeScript loader: a thread starts in ~0.6 s, not ~1.6 s.
const nativePush = Array.prototype.push;
const { PDFParse } = createRequire(import.meta.url)('pdf-parse') as typeof import('pdf-parse');

/**
 * pdf-parse's bundle and pdf.js's worker module (imported by the first
 * document load) carry core-js, which replaces Array.prototype.push in this
 * thread with a JavaScript version that only differs for lengths past 2^32.
 * pdf.js pushes for every token, glyph and text item, so the polyfill cost a
 * fifth of the parse; the thread runs nothing else, so V8's own push is put
 * back once a document has loaded (and again should anything replace it).
 */
function restoreNativePush(): void {
  if (Array.prototype.push === nativePush) return;
  Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true });
}

async function parse(input: ParseThreadInput): Promise<ParseThreadResult> {
  // Text only: no font faces for rendering, no system font lookups, no eval'd glyph code.
  const parser = new PDFParse({
    data: input.bytes,
    verbosity: 0,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
  });
  try {
    const info = await parser.getInfo();
    restoreNativePush();
    // pageJoiner '' : no "-- 1 of 3 --" markers; each page is read on its own.
    const page = async (n: number) =>
      (await parser.getText({ partial: [n], pageJoiner: '' })).pages[0]?.text ?? '';
    const pages: string[] = [];
    const lengths: number[] = [];
    while (pages.length < info.total && !enoughPages(lengths, input.textBudgetChars)) {
      const text = await page(pages.length + 1);
      pages.push(text);
      lengths.push(cleanedLengthAtLeast(text));
    }
    const picked = pickInfo(info.info);
    const result: ParseThreadResult = { ok: true, pages, pageCount: info.total, info: picked };
    if (pages.length < info.total && !frontDoi(picked, pages)) result.lastPage = await page(info.total);
    return result;
  } catch (err) {
    return { ok: false, ...classifyParseError(err) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

parentPort?.on('message', (request: ParseThreadRequest) => {
  void parse(request.input).then((result) => {
    const reply: ParseThreadReply = { id: request.id, result };
    parentPort?.postMessage(reply);
  });
});
