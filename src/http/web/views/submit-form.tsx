/**
 * The desk's submit form. On any error it comes back with everything typed
 * still in it (a chosen PDF excepted: browsers never refill file inputs), the
 * field to fix marked, and a message in plain words rather than the API's.
 */
import type { LaySumError } from '../../../errors/laysum-error.ts';
import { CSRF_FIELD } from '../../csrf.ts';
import type { Banner } from './layout.tsx';

export const SUBMIT_FIELDS = ['title', 'text', 'pmid', 'doi'] as const;
export type SubmitField = (typeof SUBMIT_FIELDS)[number] | 'pdf';
export type SubmitValues = Partial<Record<(typeof SUBMIT_FIELDS)[number], string>>;

export interface FormProblem {
  banner: Banner;
  field: SubmitField | null;
}

const FIELD_NAMES: Record<SubmitField, string> = {
  title: 'Title',
  text: 'Abstract or text',
  pmid: 'PMID',
  doi: 'DOI',
  pdf: 'PDF',
};

/** What the person typed, as text, for putting back into the form. */
export function submitValues(body: Record<string, unknown>): SubmitValues {
  const values: SubmitValues = {};
  for (const f of SUBMIT_FIELDS) if (typeof body[f] === 'string') values[f] = body[f] as string;
  return values;
}

function filled(body: Record<string, unknown>): SubmitField[] {
  const out: SubmitField[] = [];
  for (const f of ['text', 'pmid', 'doi'] as const) {
    const v = body[f];
    if (typeof v === 'string' && v.trim()) out.push(f);
  }
  const pdf = body.pdf;
  if (pdf instanceof File && (pdf.size > 0 || pdf.name !== '')) out.push('pdf');
  return out;
}

/** A problem with which boxes were filled in, found before anything is parsed. */
export function choiceProblem(body: Record<string, unknown>): FormProblem | null {
  const given = filled(body);
  if (given.length === 1) return null;
  if (given.length === 0) {
    const onlyTitle = typeof body.title === 'string' && body.title.trim() !== '';
    return {
      field: 'text',
      banner: {
        kind: 'error',
        text: onlyTitle
          ? 'There is a title but no text: paste the abstract under it.'
          : 'Nothing to submit yet.',
        hint: 'Paste the abstract (with its title), or fill in one of PMID, DOI or PDF.',
      },
    };
  }
  const names = given.map((f) => FIELD_NAMES[f]);
  return {
    field: given[1] ?? null,
    banner: {
      kind: 'error',
      text: `You filled in ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: this form takes one paper at a time.`,
      hint: 'Keep one of them and clear the others. To send many papers at once, use Batch upload.',
    },
  };
}

/** Plain wording for what intake refuses, keyed by the start of its message; the field it is about. */
const PLAIN: Array<{ starts: string; field: SubmitField; text?: string; hint: string }> = [
  {
    starts: 'The text has no title',
    field: 'title',
    text: 'The text needs a title.',
    hint: 'Type it in the Title box, or put it on the first line of the text with an empty line after it.',
  },
  {
    starts: 'The text is empty',
    field: 'text',
    text: 'The text box is empty.',
    hint: 'Paste the title and abstract.',
  },
  {
    starts: 'The abstract is too short',
    field: 'text',
    hint: 'Paste the whole abstract, not only a sentence.',
  },
  { starts: 'The text is', field: 'text', hint: 'Paste only the title and abstract.' },
];

export function plainProblem(err: LaySumError, body: Record<string, unknown>): FormProblem {
  const given = filled(body)[0] ?? null;
  const message = err.message;
  const match = PLAIN.find((p) => message.startsWith(p.starts));
  if (match) {
    return { field: match.field, banner: { kind: 'error', text: match.text ?? message, hint: match.hint } };
  }
  // Hints written for the CLI (`--title`, `laysum ...`) are no help on a web form.
  const plainHint = err.hint && !/--|`/.test(err.hint) ? err.hint : null;
  return { field: given, banner: { kind: 'error', text: message, hint: plainHint } };
}

function Field(props: {
  id: string;
  name: SubmitField;
  label: string;
  problem: SubmitField | null;
  children: unknown;
}) {
  return (
    <div class={props.problem === props.name ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

function TextField(props: {
  name: 'title' | 'pmid' | 'doi';
  label: string;
  value: string | undefined;
  bad: SubmitField | null;
  extra?: Record<string, string>;
}) {
  const id = `s-${props.name}`;
  const invalid = props.bad === props.name ? { 'aria-invalid': 'true' } : {};
  return (
    <Field id={id} name={props.name} label={props.label} problem={props.bad}>
      <input id={id} type="text" name={props.name} value={props.value ?? ''} {...props.extra} {...invalid} />
    </Field>
  );
}

export function SubmitBody(props: {
  csrf: string | null;
  maxPdfMb: string;
  values?: SubmitValues;
  problem?: SubmitField | null;
}) {
  const v = props.values ?? {};
  const bad = props.problem ?? null;
  const invalid = (f: SubmitField) => (bad === f ? { 'aria-invalid': 'true' } : {});
  return (
    <section class="panel narrow">
      <h1>Submit a paper</h1>
      <p class="muted">
        Give one of: pasted text, a PMID, a DOI, or a PDF. A paper LaySum already knows is not queued twice.
        For many papers at once, use <a href="/desk/batch">Batch upload</a>.
      </p>
      <form method="post" action="/desk/submit" enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf ?? ''} />
        <TextField name="title" label="Title (for pasted text)" value={v.title} bad={bad} />
        <Field id="s-text" name="text" label="Abstract or text" problem={bad}>
          <textarea id="s-text" name="text" rows={8} {...invalid('text')}>
            {v.text ?? ''}
          </textarea>
        </Field>
        <TextField name="pmid" label="PMID" value={v.pmid} bad={bad} extra={{ inputmode: 'numeric' }} />
        <TextField
          name="doi"
          label="DOI"
          value={v.doi}
          bad={bad}
          extra={{ placeholder: '10.1136/bmj.k3225' }}
        />
        <Field id="s-pdf" name="pdf" label={`PDF (up to ${props.maxPdfMb} MB)`} problem={bad}>
          <input id="s-pdf" type="file" name="pdf" accept="application/pdf" {...invalid('pdf')} />
          {bad === 'pdf' ? <p class="small muted">Choose the file again: browsers do not keep it.</p> : null}
        </Field>
        <button type="submit" class="primary">
          Submit
        </button>
      </form>
    </section>
  );
}
