/**
 * A tiny escaping template for the published pages. Everything interpolated
 * into `html\`...\`` is escaped unless it is already `Html` (built by this tag),
 * so text written by the model or a reviewer can never become markup.
 */
import { escapeUTF8 } from 'entities';

/** Markup that is already safe: only this module and `trusted()` make it. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

/** Escape text for HTML element content and quoted attribute values (`&<>"'`; the rest stays UTF-8). */
export function escapeHtml(text: string): string {
  return escapeUTF8(text);
}

function render(part: HtmlPart): string {
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Mark a constant written in this codebase (the stylesheet) as markup. Never pass data here. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
