/** The keyboard shortcuts, listed on the pages where they work. */
import { SHORTCUTS } from './script.ts';

export function Shortcuts() {
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <ul class="shortcuts">
        {SHORTCUTS.map(([key, what]) => (
          <li>
            <kbd>{key}</kbd> {what}
          </li>
        ))}
      </ul>
    </section>
  );
}
