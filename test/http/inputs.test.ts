/**
 * Pasted text that is not an abstract is refused before anything is stored
 * or queued, saying what to send instead: NUL bytes and control characters,
 * XML and HTML documents. JSON bodies of POST /api/papers have their own
 * limit (MAX_JSON_BYTES), enforced while the body is read, with or without a
 * Content-Length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, paperText, signIn, startHttp } from './support.ts';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttp({ MAX_JSON_BYTES: '100000' });
});
afterAll(async () => {
  await h.cleanup();
});

const submit = (json: unknown) => h.call('/api/papers', { method: 'POST', token: h.tokens.editor, json });

async function refused(json: unknown): Promise<{ error: string; hint: string }> {
  const res = await submit(json);
  const body = (await res.json()) as { error: string; hint: string };
  expect([res.status, body.error]).toEqual([400, body.error]);
  expect(body.hint).toMatch(/plain text, or submit the PMID, DOI or PDF/);
  return body;
}

describe('pasted text', () => {
  it('with a NUL byte is refused, saying where', async () => {
    const text = paperText('Balance classes and NUL bytes').replace('falls.', 'falls.\u0000');
    expect((await refused({ text })).error).toMatch(/contains a NUL byte \(U\+0000 at character \d+\)/);
  });

  it('with another control character, or one in the title, is refused', async () => {
    const text = paperText('Balance classes, bell').replace('falls.', 'falls.\u0007');
    expect((await refused({ text })).error).toMatch(/a control character \(U\+0007/);
    const titled = { text: paperText('Balance classes, title'), title: 'A title\u001b[31m' };
    expect((await refused(titled)).error).toMatch(/^The title contains a control character \(U\+001B/);
  });

  it('that is an XML document is refused', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet><PubmedArticle>${paperText('x')}</PubmedArticle></PubmedArticleSet>`;
    expect((await refused({ text: xml })).error).toBe(
      'The text is an XML or HTML document, not an abstract.',
    );
  });

  it('that is an HTML page is refused, however it starts', async () => {
    for (const start of ['<!DOCTYPE html>', '<html lang="en">', '  <HTML>', '<head>']) {
      const html = `${start}<body><h1>Balance</h1><p>${paperText('Balance classes')}</p></body></html>`;
      expect((await refused({ text: html })).error).toMatch(/XML or HTML document/);
    }
  });

  it('is refused on the desk too, and nothing is queued', async () => {
    const web = await signIn(h, h.tokens.editor);
    const res = await web.post('/desk/submit', {
      kind: 'text',
      text: `<!doctype html><p>${paperText('x')}</p>`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/XML or HTML document/);
    expect(await h.p.ctx.store.count()).toBe(0);
  });

  it('plain text with tabs, line breaks and a "<" inside is still accepted', async () => {
    const text = paperText('Balance classes, p < 0.05').replace('falls.', 'falls\t(p < 0.05).\r\n');
    expect((await submit({ text })).status).toBe(201);
  });
});

describe('the JSON body limit', () => {
  it('answers 413 with a clear message when Content-Length is over MAX_JSON_BYTES', async () => {
    const res = await submit({ text: 'x'.repeat(150_000) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: string; hint: string };
    expect(body.error).toBe('The request body is over the limit of 100000 bytes.');
    expect(body.hint).toMatch(/MAX_JSON_BYTES/);
  });

  it('stops reading a streamed body (no Content-Length) once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text":"'));
      },
      pull(controller) {
        sent++;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${h.url}/api/papers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.editor}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('leaves PDF uploads (multipart) under MAX_PDF_BYTES', async () => {
    const form = new FormData();
    form.set('pdf', new File([new Uint8Array(200_000)], 'big.pdf', { type: 'application/pdf' }));
    const res = await h.call('/api/papers', { method: 'POST', token: h.tokens.editor, body: form });
    expect(res.status).not.toBe(413);
  });
});
