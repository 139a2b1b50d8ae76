/**
 * The job-name -> payload map: the one place payload shapes are defined.
 * Workers parse payloads on arrival with these schemas.
 */
import { z } from 'zod';

export const JobPayloads = {
  ingest: z.object({ paperId: z.string().min(1) }),
  summarize: z.object({
    paperId: z.string().min(1),
    /** The draft version this job writes (1 for the first draft). */
    version: z.number().int().positive(),
  }),
  poll: z.object({ watchId: z.string().min(1), manual: z.boolean().default(false) }),
} as const;

export type JobName = keyof typeof JobPayloads;
export type JobPayload<N extends JobName> = z.infer<(typeof JobPayloads)[N]>;
export const JOB_NAMES = Object.keys(JobPayloads) as JobName[];

/** Deterministic job ids: a duplicate enqueue of the same stage for the same paper is a no-op. */
export function jobIdFor<N extends JobName>(name: N, data: JobPayload<N>): string {
  switch (name) {
    case 'ingest':
      return `ingest-${(data as JobPayload<'ingest'>).paperId}`;
    case 'summarize': {
      const d = data as JobPayload<'summarize'>;
      return `summarize-${d.paperId}-v${d.version}`;
    }
    default:
      return `poll-${(data as JobPayload<'poll'>).watchId}-${Date.now()}`;
  }
}

/** The stages' view of the queue: what they may ask for, without knowing BullMQ. */
export interface Enqueuer {
  ingest(paperId: string): Promise<void>;
  summarize(paperId: string, version: number): Promise<void>;
}
