/**
 * JSON for files and responses that browsers may also load: '<', '>' and '&'
 * are written as \u escapes, so a headline like "</script>" can never close a
 * script tag or be sniffed as HTML, while parsers read the same value back.
 */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
