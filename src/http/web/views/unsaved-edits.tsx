/**
 * A reviewer's typing that could not be saved because someone saved a newer
 * version meanwhile (or the paper left review). The form above shows the
 * current version, so every decision names text that is on screen; the typing
 * waits here, field by field, to be put back into the form ("Use my text",
 * which makes the form unsaved again) or discarded. Without script the text
 * stays readable and can be copied.
 */
import type { Draft } from '../../../domain/draft.ts';
import { FORM_KEYS, type FormValues, valuesOf } from './form-values.ts';

export interface UnsavedEdits {
  /** The version the reviewer was typing on. */
  basedOn: number;
  values: FormValues;
}

const LABELS: Record<Exclude<keyof FormValues, 'basedOn'>, string> = {
  headline: 'Headline',
  takeaway: 'Key takeaway',
  findings: 'What they found',
  audience: 'Who should care and why',
  caveats: 'Important considerations',
  topics: 'Topics',
  credibilityScore: 'Credibility (1-5)',
  credibilityRationale: 'Credibility: why',
  interestScore: 'Interest (1-5)',
  interestRationale: 'Interest: why',
};

/** The fields the reviewer typed into: those that differ from the version they were typing on. */
export function typedFields(
  unsaved: UnsavedEdits,
  versions: readonly Draft[],
): Array<{ name: keyof typeof LABELS; value: string }> {
  const base = versions.find((d) => d.version === unsaved.basedOn);
  const before = base ? valuesOf(base.summary, base.version) : null;
  return FORM_KEYS.filter((k): k is keyof typeof LABELS => k !== 'basedOn')
    .filter((k) => before === null || unsaved.values[k].trim() !== before[k].trim())
    .map((k) => ({ name: k, value: unsaved.values[k] }));
}

export function UnsavedEditsPanel(props: {
  unsaved: UnsavedEdits;
  current: Draft;
  versions: readonly Draft[];
}) {
  const fields = typedFields(props.unsaved, props.versions);
  if (fields.length === 0) return null;
  const { basedOn } = props.unsaved;
  const v = props.current.version;
  return (
    <section class="panel unsaved" id="unsaved-edits" aria-labelledby="unsaved-heading">
      <h2 id="unsaved-heading">Your unsaved edits (typed on version {basedOn})</h2>
      <p class="small">
        They were not saved: the draft above is version {v}, saved after the one you typed on. Read what
        changed (below), then put your text back into the form or discard it. Nothing is approved until you
        decide on what the form shows.
      </p>
      <dl>
        {fields.map((f) => (
          <>
            <dt>{LABELS[f.name]}</dt>
            <dd>
              <pre class="typed" data-field={f.name}>
                {f.value || '(emptied)'}
              </pre>
              <button type="button" data-apply={f.name} data-value={f.value} hidden>
                Use my text
              </button>
            </dd>
          </>
        ))}
      </dl>
      <p>
        <button type="button" id="unsaved-apply-all" hidden>
          Use all my text
        </button>{' '}
        <button type="button" id="unsaved-discard" hidden>
          Discard my edits
        </button>
      </p>
    </section>
  );
}
