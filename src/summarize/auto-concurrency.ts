/**
 * How many summarize jobs a worker runs at once when the account's limits are
 * known (LLM_RPM and/or LLM_TPM) and SUMMARIZE_CONCURRENCY is not set. By
 * Little's law the calls in flight that keep the limit busy are the allowed
 * call rate times a call's latency; the fleet aims at twice that
 * (HEADROOM: jobs also spend time outside the call, and latency varies) and
 * each live worker takes its share. Going over the limit is never the risk:
 * every call still waits in the fleet's gate (./llm-gate.ts), so a share too
 * large only queues there, while one too small leaves the limit unused.
 * Latency and tokens per call are the fleet's, read from the ledger.
 */

/**
 * Aim this much above rate x latency: a job's calls are sequential, each may
 * wait for its turn in the gate, and the job has work outside its calls; a
 * call always waiting for the next free slot is what keeps the limit full.
 * 1.5 left 5.7% of a 288 RPM limit unused with one worker in the bench.
 */
export const HEADROOM = 2;
/** Jobs per worker at most, whatever the limits say. */
export const MAX_AUTO_CONCURRENCY = 50;
/** Until the fleet has made calls: a slow model's latency, so the first minutes are not starved. */
export const ASSUMED_LATENCY_S = 2;
/** Until the fleet has made calls: a summary's prompt and reply. */
export const ASSUMED_TOKENS_PER_CALL = 3000;
/** Calls since the last look needed to trust a new mean latency. */
const MIN_NEW_CALLS = 3;

export interface LimitSettings {
  rpm?: number | undefined;
  tpm?: number | undefined;
  /** LLM_CONCURRENCY: calls in flight across the fleet, at most. */
  concurrency?: number | undefined;
  windowMs: number;
}

export interface Sizing {
  /** Jobs this worker should run at once. */
  perWorker: number;
  /** Calls a second the limits allow, and the latency and workers the size came from. */
  callsPerSecond: number;
  latencyS: number;
  workers: number;
}

/** Calls a second the limits allow: the lower of RPM and TPM over tokens per call. */
export function allowedRate(limits: LimitSettings, tokensPerCall: number): number {
  const windowS = limits.windowMs / 1000;
  const byRequests = limits.rpm ? limits.rpm / windowS : Number.POSITIVE_INFINITY;
  const byTokens = limits.tpm ? limits.tpm / windowS / Math.max(1, tokensPerCall) : Number.POSITIVE_INFINITY;
  return Math.min(byRequests, byTokens);
}

export function sizeConcurrency(
  limits: LimitSettings,
  observed: { latencyS: number; tokensPerCall: number; workers: number },
): Sizing {
  const callsPerSecond = allowedRate(limits, observed.tokensPerCall);
  const workers = Math.max(1, observed.workers);
  let fleet = Number.isFinite(callsPerSecond)
    ? Math.ceil(callsPerSecond * observed.latencyS * HEADROOM)
    : MAX_AUTO_CONCURRENCY * workers;
  if (limits.concurrency) fleet = Math.min(fleet, Math.ceil(limits.concurrency * HEADROOM));
  const perWorker = Math.min(MAX_AUTO_CONCURRENCY, Math.max(1, Math.ceil(fleet / workers)));
  return { perWorker, callsPerSecond, latencyS: observed.latencyS, workers };
}

/** Running totals of the fleet's LLM calls (the ledger's lifetime figures) and the live workers. */
export interface FleetReadings {
  /** Calls made and their summed latency (seconds) and tokens, since the ledger began. */
  totals(): Promise<{ calls: number; latencySum: number; tokens: number }>;
  /** Says this worker is alive for `ttlMs`; resolves to how many summarize workers are. */
  heartbeat(workerId: string, ttlMs: number): Promise<number>;
}

export interface AutoConcurrency {
  /** Look now: read the fleet, size, apply when it changed. */
  tick(): Promise<Sizing>;
  stop(): void;
}

/** Looks every `intervalMs` and calls `apply` with a new size; the first look is at once. */
export function startAutoConcurrency(opts: {
  limits: LimitSettings;
  readings: FleetReadings;
  workerId: string;
  intervalMs: number;
  apply: (sizing: Sizing) => void;
  onError?: (err: unknown) => void;
}): AutoConcurrency {
  let latencyS = ASSUMED_LATENCY_S;
  let tokensPerCall = ASSUMED_TOKENS_PER_CALL;
  let last: { calls: number; latencySum: number; tokens: number } | null = null;
  let applied = 0;
  const tick = async (): Promise<Sizing> => {
    const [totals, workers] = await Promise.all([
      opts.readings.totals(),
      opts.readings.heartbeat(opts.workerId, opts.intervalMs * 3),
    ]);
    // The ledger's totals are the fleet's lifetime: what changed since the last look is recent.
    if (last && totals.calls - last.calls >= MIN_NEW_CALLS) {
      const calls = totals.calls - last.calls;
      latencyS = (totals.latencySum - last.latencySum) / calls;
      tokensPerCall = (totals.tokens - last.tokens) / calls;
    } else if (!last && totals.calls >= MIN_NEW_CALLS) {
      latencyS = totals.latencySum / totals.calls;
      tokensPerCall = totals.tokens / totals.calls;
    }
    if (!last || totals.calls - last.calls >= MIN_NEW_CALLS) last = totals;
    const sizing = sizeConcurrency(opts.limits, { latencyS, tokensPerCall, workers });
    if (sizing.perWorker !== applied) {
      applied = sizing.perWorker;
      opts.apply(sizing);
    }
    return sizing;
  };
  const timer = setInterval(() => void tick().catch((err) => opts.onError?.(err)), opts.intervalMs);
  timer.unref();
  void tick().catch((err) => opts.onError?.(err));
  return { tick, stop: () => clearInterval(timer) };
}
