/**
 * A paper held as needs_source on the desk: its state and the reason show,
 * with a form to paste the abstract (or upload the PDF); the pasted text
 * sends it on to a draft. Real workers, PubMed replayed locally.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fractureText } from '../support/harness.ts';
import { type NcbiServer, startNcbiServer } from '../support/ncbi-server.ts';
import { type HttpHarness, signIn, startHttp } from './support.ts';

let ncbi: NcbiServer;
let h: HttpHarness;

beforeEach(async () => {
  ncbi = await startNcbiServer();
  h = await startHttp({ NCBI_EUTILS_URL: ncbi.url });
  await h.p.start();
});

afterEach(async () => {
  await h.cleanup();
  await ncbi.close();
});

describe('needs_source on the desk', () => {
  it('shows why and takes the pasted abstract, which is then drafted', async () => {
    const id = await h.p.submit({ kind: 'pmid', pmid: '12091962' }); // a real record with no abstract
    const held = await h.p.waitFor(id, ['needs_source']);
    const web = await signIn(h, h.tokens.editor);
    const page = await (await web.get(`/desk/papers/${id}`)).text();
    expect(page).toContain('needs source');
    expect(page).toContain('has no abstract or text to summarize');
    expect(page).toContain('id="source-form"');

    const empty = await web.post(`/desk/papers/${id}/source`, { text: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Nothing to use yet.');

    const res = await web.post(`/desk/papers/${id}/source`, { text: fractureText() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/desk/papers/${id}?done=source`);
    const drafted = await h.p.waitFor(id, ['pending_review']);
    expect(drafted.record?.title).toBe(held.record?.title);
    expect(drafted.record?.ids.pmid).toBe('12091962');
    expect(drafted.record?.abstract.map((s) => s.label)).toContain('RESULTS');
    const audit = await h.p.ctx.store.audit(id);
    expect(audit.find((a) => a.action === 'source provided')?.actor).toBe('web:editor-1');
  });
});
