/**
 * Submitting a paper: validate the input, work out its identities, create the
 * paper (or find the one that already has them) and queue it for ingest. Every
 * source (CLI, HTTP, batch files, watches) comes through here, so the rules for
 * "never the same paper twice" live in one place.
 */
import type { Config } from '../config/env.ts';
import { abstractIdentity, type Identity, recordIdentities, textIdentity } from '../domain/identity.ts';
import { type Origin, queuePriority, type Submission } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { PaperState } from '../domain/state.ts';
import type { SubmitRequest } from '../domain/submission.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { requireDoi } from '../sources/doi.ts';
import { checkPdfBytes } from '../sources/pdf/check.ts';
import { requirePmid } from '../sources/pmid.ts';
import { parsePastedText } from '../sources/text.ts';

export type { SubmitRequest } from '../domain/submission.ts';

export interface SubmitDeps {
  store: Papers;
  enqueue: Enqueuer;
  config: Config;
}

export interface SubmitResult {
  id: string;
  /** false when the paper was already known: nothing new was queued. */
  created: boolean;
  state: PaperState;
}

/** Validate a request and turn it into the stored submission and its identities. */
export function prepare(
  req: SubmitRequest,
  config: Config,
): { submission: Submission; identities: Identity[]; blob?: Uint8Array } {
  switch (req.kind) {
    case 'text': {
      const { title, sections } = parsePastedText({ ...req, maxBytes: config.limits.maxTextBytes });
      const body = sections.map((s) => s.text).join(' ');
      return {
        submission: { kind: 'text', text: req.text, title, ...(req.journal ? { journal: req.journal } : {}) },
        identities: [textIdentity(`${title} ${body}`), abstractIdentity(sections)].filter(
          (i): i is Identity => i !== null,
        ),
      };
    }
    case 'pmid': {
      const pmid = requirePmid(req.pmid);
      return { submission: { kind: 'pmid', pmid }, identities: [{ kind: 'pmid', value: pmid }] };
    }
    case 'doi': {
      const doi = requireDoi(req.doi);
      const fallback = req.fallback ? { fallback: req.fallback } : {};
      // A feed item is also known by its abstract and by title + first author + year, at once.
      const known = req.fallback ? recordIdentities(req.fallback).filter((i) => i.kind !== 'doi') : [];
      return {
        submission: { kind: 'doi', doi, ...fallback },
        identities: [{ kind: 'doi', value: doi }, ...known],
      };
    }
    case 'pdf': {
      checkPdfBytes(req.bytes, config.limits.maxPdfBytes, req.fileName);
      const hash = Buffer.from(req.bytes).toString('base64');
      return {
        submission: { kind: 'pdf', fileName: req.fileName, bytes: req.bytes.byteLength },
        identities: [{ kind: 'text', value: `pdf:${hash}` }],
        blob: req.bytes,
      };
    }
    case 'record': {
      const known = recordIdentities(req.record);
      const identities = known.length > 0 ? known : [textIdentity(req.record.title)];
      return { submission: { kind: 'record', record: req.record }, identities };
    }
  }
}

export async function submitPaper(
  deps: SubmitDeps,
  req: SubmitRequest,
  origin: Origin,
): Promise<SubmitResult> {
  const { submission, identities, blob } = prepare(req, deps.config);
  const { created, id } = await deps.store.create({ submission, origin, identities });
  if (!created) {
    const existing = await deps.store.get(id);
    return { id, created: false, state: existing?.state ?? 'queued' };
  }
  if (blob) await deps.store.putBlob(id, blob);
  await deps.enqueue.ingest(id, { fresh: true, priority: queuePriority(origin) });
  return { id, created: true, state: 'queued' };
}
