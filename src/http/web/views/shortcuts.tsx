/**
 * The keyboard shortcuts, listed only on the pages where they work (and only
 * those that work there), with a switch to turn them off: the choice is kept
 * in this browser (localStorage), read by the desk's script.
 */
export type Shortcut = readonly [key: string, what: string];

export const QUEUE_SHORTCUTS: readonly Shortcut[] = [
  ['j', 'next paper in the list'],
  ['k', 'previous paper in the list'],
  ['Enter', 'open the selected paper'],
];

/** What works on a review page: moving needs a neighbour, deciding needs the forms, editing an editable draft. */
export function reviewShortcuts(has: {
  next: boolean;
  prev: boolean;
  approve: boolean;
  reject: boolean;
  edit: boolean;
}): Shortcut[] {
  const keys: Shortcut[] = [];
  if (has.next) keys.push(['j', 'next pending paper']);
  if (has.prev) keys.push(['k', 'previous pending paper']);
  if (has.approve) keys.push(['a', 'go to Approve (then Enter approves)']);
  if (has.reject) keys.push(['r', 'reject (type the reason)']);
  if (has.edit) keys.push(['e', 'edit the draft']);
  return keys;
}

export function Shortcuts({ keys }: { keys: readonly Shortcut[] }) {
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="shortcuts-heading" id="shortcuts">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <p class="small">
        <label class="inline-label">
          <input type="checkbox" id="shortcuts-on" checked /> Use keyboard shortcuts on the desk (kept in this
          browser)
        </label>
      </p>
      <ul class="shortcuts">
        {keys.map(([key, what]) => (
          <li>
            <kbd>{key}</kbd> {what}
          </li>
        ))}
      </ul>
    </section>
  );
}
