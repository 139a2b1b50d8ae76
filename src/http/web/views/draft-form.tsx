/** The editable draft: every summary field, saved as a new version based on the one shown. */
import { CSRF_FIELD } from '../../csrf.ts';
import { FORM_KEYS, type FormValues } from './form-values.ts';

interface FieldProps {
  name: keyof FormValues;
  label: string;
  values: FormValues;
  /** The stored version's values: a field showing anything else carries them, so the page knows it is unsaved. */
  saved: FormValues;
  readOnly: boolean;
  rows?: number;
  help?: string;
}

/** `data-saved` on a field whose shown value is not the stored one (a refused save's typing). */
const savedAttr = (name: keyof FormValues, values: FormValues, saved: FormValues) =>
  values[name] === saved[name] ? {} : { 'data-saved': saved[name] };

function TextField({ name, label, values, saved, readOnly, rows, help }: FieldProps) {
  const id = `field-${name}`;
  const unsaved = savedAttr(name, values, saved);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {rows ? (
        <textarea id={id} name={name} rows={rows} readonly={readOnly} {...unsaved}>
          {values[name]}
        </textarea>
      ) : (
        <input id={id} type="text" name={name} value={values[name]} readonly={readOnly} {...unsaved} />
      )}
      {help ? <div class="small muted">{help}</div> : null}
    </div>
  );
}

function Rating({
  which,
  values,
  saved,
  readOnly,
}: {
  which: 'credibility' | 'interest';
  values: FormValues;
  saved: FormValues;
  readOnly: boolean;
}) {
  const scoreKey = `${which}Score` as const;
  const label = which === 'credibility' ? 'Credibility' : 'Interest';
  return (
    <div class="field rating-row">
      <div>
        <label for={`field-${scoreKey}`}>{label} (1-5)</label>
        <select
          id={`field-${scoreKey}`}
          name={scoreKey}
          disabled={readOnly}
          {...savedAttr(scoreKey, values, saved)}
        >
          {['1', '2', '3', '4', '5'].map((n) => (
            <option value={n} selected={values[scoreKey] === n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <TextField
        name={`${which}Rationale`}
        label={`${label}: why`}
        values={values}
        saved={saved}
        readOnly={readOnly}
        rows={2}
      />
    </div>
  );
}

export function DraftForm(props: {
  paperId: string;
  values: FormValues;
  /** The stored version's values (differs from `values` when a refused save's typing is shown). */
  saved: FormValues;
  readOnly: boolean;
  /** Why the draft cannot be edited, shown instead of the save button. */
  readOnlyReason?: string;
  csrf: string | null;
  version: number;
}) {
  const { values, saved, readOnly } = props;
  const f = { values, saved, readOnly };
  const typed = FORM_KEYS.some((k) => values[k] !== saved[k]);
  return (
    <section class="panel" aria-labelledby="draft-heading">
      <h2 id="draft-heading">
        Draft (version {props.version}
        {typed ? ', with your unsaved edits' : ''})
      </h2>
      <form method="post" action={`/desk/papers/${encodeURIComponent(props.paperId)}/edit`} id="edit-form">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf ?? ''} />
        <input type="hidden" name="basedOn" value={values.basedOn} />
        <input type="hidden" name="then" value="" id="edit-then" />
        <input type="hidden" name="note" value="" id="edit-note" />
        <TextField name="headline" label="Headline" {...f} />
        <TextField name="takeaway" label="Key takeaway" rows={3} {...f} />
        <TextField name="findings" label="What they found" rows={6} {...f} />
        <TextField name="audience" label="Who should care and why" rows={4} {...f} />
        <TextField name="caveats" label="Important considerations" rows={4} help="One per line." {...f} />
        <TextField name="topics" label="Topics" help="Comma-separated, 3 to 8." {...f} />
        <Rating which="credibility" {...f} />
        <Rating which="interest" {...f} />
        {readOnly ? (
          <p class="small muted" id="read-only-reason">
            {props.readOnlyReason ?? 'This draft cannot be edited.'}
          </p>
        ) : (
          <button type="submit" class="primary">
            Save as version {Number(values.basedOn) + 1}
          </button>
        )}
      </form>
    </section>
  );
}
