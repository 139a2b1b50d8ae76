/**
 * Where the sign-in page may send a browser afterwards: a path on this site
 * and nothing else. `next` is read as a URL against the site's origin and the
 * origins compared, so tricks the URL parser undoes (a tab or newline it
 * strips, a backslash it turns into a slash, `/.//host` that normalises to
 * `//host`) cannot point the redirect elsewhere; anything doubtful lands on
 * the desk.
 */

export const DEFAULT_NEXT = '/desk';
const MAX_NEXT_CHARS = 500;

/** Control characters (the URL parser drops tabs and newlines silently), backslashes (read as `/`). */
const UNSAFE_CHARS = /[\p{Cc}\\]/u;

/**
 * `next` as a same-origin path (its normalised path, query and fragment), or
 * `/desk` when it is missing, too long, not a path, or would leave `origin`.
 */
export function safeNext(next: unknown, origin: string): string {
  if (typeof next !== 'string' || next.length > MAX_NEXT_CHARS) return DEFAULT_NEXT;
  // `//host` is another site to a browser, whatever the parser makes of it here.
  if (!next.startsWith('/') || next.startsWith('//') || UNSAFE_CHARS.test(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== new URL(origin).origin || url.username || url.password) return DEFAULT_NEXT;
  const path = url.pathname + url.search + url.hash;
  // A normalised path that starts `//` would be read by the browser as another host.
  return path.startsWith('//') ? DEFAULT_NEXT : path;
}
