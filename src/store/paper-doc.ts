/** How a paper is written down in Redis: its stored document, its id, and the key suffix of each identity it claims. */
import { createHash, randomBytes } from 'node:crypto';
import type { Identity } from '../domain/identity.ts';
import { Paper } from '../domain/paper.ts';

/** The paper's stored document (the `doc` field of its hash). */
export const DocSchema = Paper.pick({ submission: true, origin: true, record: true });

/** An identity's key suffix: DOIs may contain ':' and other characters; hashing keeps keys tidy and bounded. */
export function identityKey(identity: Identity): string {
  if (identity.kind === 'pmid') return identity.value;
  return createHash('sha256').update(identity.value).digest('hex').slice(0, 32);
}

/** A new paper id: short, never all digits, no ':' (BullMQ job ids are built from it). */
export function newPaperId(): string {
  return `p${randomBytes(6).toString('hex')}`;
}
