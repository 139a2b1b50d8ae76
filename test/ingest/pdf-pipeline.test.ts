/**
 * PDFs through the real pipeline: the PDF's text and printed DOI become the
 * paper; a PDF that cannot be read fails with what to do instead; nothing
 * else in the queue is held up.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';
import { send, startServer, type TestServer } from '../support/http-server.ts';

const pdf = (name: string) => readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url));
let metadata: TestServer;
let p: Pipeline;

beforeEach(async () => {
  // Neither Crossref nor Europe PMC knows these DOIs here: the PDF's own text is used.
  metadata = await startServer((req, res) =>
    req.url.pathname.includes('/works/')
      ? send(res, 404, 'Resource not found.', 'text/plain')
      : send(res, 200, JSON.stringify({ hitCount: 0, resultList: { result: [] } })),
  );
  p = await createPipeline({ CROSSREF_API_URL: metadata.url, EUROPEPMC_API_URL: metadata.url });
  await p.start();
});

afterEach(async () => {
  await p.cleanup();
  await metadata.close();
});

describe('PDF submissions', () => {
  it('drafts a summary from a real paper PDF and keeps its DOI', async () => {
    const id = await p.submit({
      kind: 'pdf',
      fileName: 'dvt.pdf',
      bytes: pdf('cermine_test1_bmc_trauma_dvt_review.pdf'),
    });
    const paper = await p.waitFor(id, ['pending_review'], 40_000);
    expect(paper.record?.ids.doi).toBe('10.1186/1752-2897-4-1');
    expect(paper.record?.fullText?.length).toBeGreaterThan(1000);
    expect(metadata.requests.some((r) => r.url.pathname.includes('10.1186'))).toBe(true);
    const again = await p.submit({
      kind: 'pdf',
      fileName: 'copy.pdf',
      bytes: pdf('cermine_test1_bmc_trauma_dvt_review.pdf'),
    });
    expect(again).toBe(id);
  });

  it('fails a scanned PDF with what to do, while other papers go through', async () => {
    const scanned = await p.submit({
      kind: 'pdf',
      fileName: 'scan.pdf',
      bytes: pdf('scanned_no_text_layer.pdf'),
    });
    const text = await p.submit({ kind: 'text', text: fractureText() });
    const failed = await p.waitFor(scanned, ['failed'], 40_000);
    expect(failed.reason).toMatch(/no text layer/);
    expect(failed.reason).toMatch(/paste the abstract|give the DOI/);
    await p.waitFor(text, ['pending_review']);
  });

  it('refuses a file that is not a PDF before queueing anything', async () => {
    await expect(
      p.submit({ kind: 'pdf', fileName: 'page.html', bytes: Buffer.from('<!DOCTYPE html><html></html>') }),
    ).rejects.toThrow(InputError);
    await expect(
      p.submit({ kind: 'pdf', fileName: 'page.html', bytes: Buffer.from('<html>') }),
    ).rejects.toThrow(/page.html is not a PDF file/);
    expect(await p.ctx.store.count()).toBe(0);
  });
});
