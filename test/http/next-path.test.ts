/**
 * The sign-in redirect rule (src/http/next-path.ts): only a path on this site
 * comes back; the strings and the classic open-redirect payloads all
 * land on the desk.
 */
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/http/next-path.ts';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeNext', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeNext('/desk/history', ORIGIN)).toBe('/desk/history');
    expect(safeNext('/desk?state=approved&q=hip%20fracture', ORIGIN)).toBe(
      '/desk?state=approved&q=hip%20fracture',
    );
    expect(safeNext('/admin/queues#failed', ORIGIN)).toBe('/admin/queues#failed');
    expect(safeNext('/desk/../admin', ORIGIN)).toBe('/admin');
  });

  it("refuses the issue's strings (a tab or a newline after the first slash)", () => {
    expect(safeNext('/\t/127.0.0.2:27998/phish', ORIGIN)).toBe('/desk');
    expect(safeNext('/\n/x', ORIGIN)).toBe('/desk');
  });

  // Payloads from the usual open-redirect lists (PayloadsAllTheThings, OWASP): none may leave the site.
  const payloads = [
    '//evil.example',
    '///evil.example',
    '////evil.example/path',
    '/\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    '/.//evil.example',
    '/a/../..//evil.example',
    '/\r/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/ /evil.example'.replace(' ', '\u000b'),
    'https://evil.example/',
    'http:evil.example',
    'http:/evil.example',
    '//evil.example@127.0.0.1:3000',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    ' /desk',
    `/${'a'.repeat(600)}`,
  ];
  it.each(payloads)('refuses %j', (payload) => {
    expect(safeNext(payload, ORIGIN)).toBe('/desk');
  });

  it('keeps encoded characters encoded, so the browser never sees a raw slash, newline or backslash', () => {
    expect(safeNext('/%2F/evil.example', ORIGIN)).toBe('/%2F/evil.example');
    expect(safeNext('/%0A/x', ORIGIN)).toBe('/%0A/x');
    expect(safeNext('/%5Cevil.example', ORIGIN)).toBe('/%5Cevil.example');
  });

  it('refuses what is not a string', () => {
    expect(safeNext(undefined, ORIGIN)).toBe('/desk');
    expect(safeNext(['/desk/history'], ORIGIN)).toBe('/desk');
  });
});
