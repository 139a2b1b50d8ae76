/**
 * Paper identity: a paper is its normalized DOI, else its PMID, else a hash of
 * its text. Every identity a paper has is claimed, so a paper submitted by PMID
 * is recognized later when someone submits its DOI.
 */
import { createHash } from 'node:crypto';

export interface Identity {
  kind: 'doi' | 'pmid' | 'text';
  value: string;
}

export function identityKey(identity: Identity): string {
  // DOIs may contain ':' and other characters; hashing keeps keys tidy and bounded.
  if (identity.kind === 'pmid') return identity.value;
  return createHash('sha256').update(identity.value).digest('hex').slice(0, 32);
}

/** Text identity: case, whitespace and punctuation do not make a different paper. */
export function textIdentity(text: string): Identity {
  const canonical = text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return { kind: 'text', value: canonical };
}

export function identitiesOf(ids: { doi?: string | undefined; pmid?: string | undefined }): Identity[] {
  const out: Identity[] = [];
  if (ids.doi) out.push({ kind: 'doi', value: ids.doi.toLowerCase() });
  if (ids.pmid) out.push({ kind: 'pmid', value: ids.pmid });
  return out;
}
