/**
 * The editors' side of the desk: /desk/mine (their submissions), /desk/submit
 * (one paper), /desk/batch (many), and the text of a paper held as
 * needs_source (/desk/papers/:id/source). Mounted after the desk
 * (./desk.tsx), whose middleware sends signed-out browsers to sign in first.
 */
import { Hono } from 'hono';
import { InputError } from '../../../errors/input-error.ts';
import { submitBatchText } from '../../../intake/batch.ts';
import { mySubmissions } from '../../../intake/mine.ts';
import { provideSource } from '../../../intake/source.ts';
import { submitPaper } from '../../../intake/submit.ts';
import { resolvePaperId } from '../../../review/queries.ts';
import { decodeUtf8 } from '../../../sources/text.ts';
import { formatMegabytes } from '../../../text/bytes.ts';
import { assertCan } from '../../auth.ts';
import { statusOf } from '../../errors.ts';
import { limitBody } from '../../middleware.ts';
import { type SubmitFields, submitRequestFrom } from '../../submit-input.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { BatchBody } from '../views/batch.tsx';
import { MineBody } from '../views/mine.tsx';
import {
  choiceProblem,
  type FormProblem,
  plainProblem,
  SubmitBody,
  submitValues,
} from '../views/submit-form.tsx';
import { bannerFor, fixable, guardedForm } from './form-guard.ts';
import { page, reviewPage } from './render.tsx';

const paperPath = (id: string, done: string) => `/desk/papers/${encodeURIComponent(id)}?done=${done}`;

export function editorPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/mine', async (c) => {
    const user = assertCan(c.get('user'), 'read', true);
    return page(c, 'My submissions', <MineBody mine={await mySubmissions(deps.store, user.name)} />);
  });
  submitRoutes(app, deps);
  batchRoutes(app, deps);
  sourceRoute(app, deps);
  return app;
}

/** The abstract pasted, or the PDF uploaded, for a paper held as needs_source. */
function sourceRoute(app: Hono<AppEnv>, deps: AppDeps): void {
  app.post('/papers/:id/source', limitBody(deps.config.limits.maxPdfBytes + 64 * 1024), async (c) => {
    const { user, body } = await guardedForm(c, 'submit');
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const text = typeof body.text === 'string' ? body.text : '';
    const pdf = body.pdf instanceof File && body.pdf.size > 0 ? body.pdf : null;
    try {
      if (!pdf && !text.trim())
        throw new InputError('Nothing to use yet.', { hint: 'Paste the abstract, or choose the PDF.' });
      const request = pdf
        ? { kind: 'pdf' as const, fileName: pdf.name, bytes: new Uint8Array(await pdf.arrayBuffer()) }
        : { kind: 'text' as const, text };
      await provideSource(deps, id, request, `web:${user.name}`);
    } catch (err) {
      if (!fixable(err)) throw err;
      return reviewPage(c, deps, id, { status: statusOf(err), banner: bannerFor(err) });
    }
    return c.redirect(paperPath(id, 'source'), 303);
  });
}

function submitRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const maxPdfMb = formatMegabytes(deps.config.limits.maxPdfBytes);
  app.get('/submit', (c) => {
    assertCan(c.get('user'), 'submit', true);
    return page(c, 'Submit', <SubmitBody csrf={c.get('session')?.csrf ?? null} maxPdfMb={maxPdfMb} />);
  });
  app.post('/submit', limitBody(deps.config.limits.maxPdfBytes + 64 * 1024), async (c) => {
    const { user, body } = await guardedForm(c, 'submit');
    const csrf = c.get('session')?.csrf ?? null;
    const values = submitValues(body);
    const again = (problem: FormProblem) =>
      page(
        c,
        'Submit',
        <SubmitBody csrf={csrf} maxPdfMb={maxPdfMb} values={values} problem={problem.field} />,
        {
          status: 400,
          banner: problem.banner,
        },
      );
    const choice = choiceProblem(body);
    if (choice) return again(choice);
    try {
      const request = await submitRequestFrom(body as SubmitFields);
      const result = await submitPaper(deps, request, { actor: `web:${user.name}` });
      return c.redirect(paperPath(result.id, result.created ? 'submitted' : 'duplicate'), 303);
    } catch (err) {
      if (!fixable(err)) throw err;
      return again(plainProblem(err, body));
    }
  });
}

function batchRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/batch', (c) => {
    assertCan(c.get('user'), 'submit', true);
    return page(c, 'Batch upload', <BatchBody csrf={c.get('session')?.csrf ?? null} />);
  });
  app.post('/batch', limitBody(deps.config.limits.maxTextBytes * 10), async (c) => {
    const { user, body } = await guardedForm(c, 'submit');
    const csrf = c.get('session')?.csrf ?? null;
    const list = typeof body.list === 'string' ? body.list : '';
    const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
    try {
      if (!file && !list.trim())
        throw new InputError('Nothing to submit yet.', {
          hint: 'Paste PMIDs or DOIs, one a line, or choose a list, CSV or RIS file.',
        });
      const name = file ? file.name || 'upload.txt' : 'pasted list';
      const text = file ? decodeUtf8(new Uint8Array(await file.arrayBuffer()), name) : list;
      // The format comes from the file's name and content (a pasted CSV or RIS works too).
      const tally = await submitBatchText(deps, text, file ? name : 'pasted-list.txt', {
        actor: `web:${user.name}`,
      });
      return page(c, 'Batch upload', <BatchBody csrf={csrf} tally={{ ...tally, file: name }} />);
    } catch (err) {
      if (!fixable(err)) throw err;
      return page(c, 'Batch upload', <BatchBody csrf={csrf} list={list} />, {
        status: 400,
        banner: bannerFor(err),
      });
    }
  });
}
