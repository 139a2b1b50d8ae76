/**
 * The job-name -> payload map: the one place payload shapes are defined.
 * Queues and workers are typed from it (src/queue/queues.ts) and workers
 * still parse payloads on arrival with these schemas (`parsePayload`).
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
  /** One webhook delivery; its body and the hook's secret are read from the store, never carried in the job. */
  webhook: z.object({
    hookId: z.string().min(1),
    deliveryId: z.string().min(1),
    /** Which send of the delivery (0, then 1, 2... each time an admin resends it). */
    round: z.number().int().nonnegative().default(0),
  }),
} as const;

export type JobName = keyof typeof JobPayloads;
export type JobPayload<N extends JobName> = z.infer<(typeof JobPayloads)[N]>;
export const JOB_NAMES = Object.keys(JobPayloads) as JobName[];

/**
 * The schemas seen per name, so that for a generic name N the schema's output
 * is JobPayload<N> (TypeScript keeps the correlation through a mapped type).
 */
const SCHEMAS: { [K in JobName]: z.ZodType<JobPayload<K>, z.input<(typeof JobPayloads)[K]>> } = JobPayloads;

/** A job's data checked against its name's schema: what a worker does on arrival. */
export function parsePayload<N extends JobName>(name: N, data: unknown): z.ZodSafeParseResult<JobPayload<N>> {
  return SCHEMAS[name].safeParse(data);
}

const JOB_IDS: { [K in JobName]: (data: JobPayload<K>) => string } = {
  ingest: (d) => `ingest-${d.paperId}`,
  summarize: (d) => `summarize-${d.paperId}-v${d.version}`,
  // Polls may repeat: each run of a watch is its own job.
  poll: (d) => `poll-${d.watchId}-${Date.now()}`,
  webhook: (d) => (d.round ? `webhook-${d.deliveryId}-r${d.round}` : `webhook-${d.deliveryId}`),
};

/** Deterministic job ids: a duplicate enqueue of the same stage for the same paper is a no-op. */
export function jobIdFor<N extends JobName>(name: N, data: JobPayload<N>): string {
  return JOB_IDS[name](data);
}

/** The stages' view of the queue: what they may ask for, without knowing BullMQ. */
export interface Enqueuer {
  /**
   * `fresh`: the paper was created just now, so no earlier job of its id can exist to clear.
   * `priority`: the paper's place among waiting jobs (src/domain/paper.ts `queuePriority`); none
   * (a person's retry or request) goes before every prioritized job.
   */
  ingest(paperId: string, opts?: { fresh?: boolean; priority?: number }): Promise<void>;
  summarize(paperId: string, version: number, opts?: { priority?: number }): Promise<void>;
}
