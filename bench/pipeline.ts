/**
 * Pipeline overhead for `npm run bench`: 1,000 papers from first submission
 * to last draft with the scripted model answering at once, beside two chained
 * no-op BullMQ queues on the same Redis (the yardstick), in turn, three times; then
 * papers submitted at 10 a second for the time each spends in LaySum, and the
 * CPU profile's top items of one throughput run. Printed, never asserted.
 */
import { Session } from 'node:inspector/promises';
import { median } from './parsing.ts';
import { benchConfig, benchTexts, runBullmq, runLaySum } from './pipeline-run.ts';
import { startScriptedLlmProcess } from './scripted-llm.ts';

const PAPERS = 1000;
const PACED = { papers: 100, perSecond: 10 };
const PAIRS = 3;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** "ioredis", "src/checks", "node" (Node's own code, the garbage collector...): where a frame's code lives. */
function packageOf(frame: ProfileNode['callFrame']): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
  if (pkg) return pkg;
  const own = /\/((?:src|workers|bench)\/[^/]+)/.exec(frame.url)?.[1];
  return own ?? 'node';
}

/** "name (file:line)": one function. */
function functionOf(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|workers|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file ? `(${file}:${frame.lineNumber + 1})` : ''}`;
}

/** Self time by function (or by `keyOf`), largest first, as "share key". */
function topItems(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  n: number,
  keyOf: (frame: ProfileNode['callFrame']) => string = functionOf,
): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const dt = profile.timeDeltas?.[i] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    const key = keyOf(frame);
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, t]) => `${((t / total) * 100).toFixed(1).padStart(5)}%  ${key}`.trimEnd());
}

/** CPU time (user + system) of this process since `from`, in ms. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

export async function benchPipeline(): Promise<void> {
  const llm = await startScriptedLlmProcess();
  try {
    const texts = benchTexts(PAPERS);
    console.log(
      `Pipeline overhead (${PAPERS} pasted abstracts, scripted model answering at once from a process of its own, ${PAIRS} pairs in turn; the machine is shared, so read the ratios):`,
    );
    await runBullmq(100); // warm-up of both
    await runLaySum(benchConfig(llm), benchTexts(50));
    const ratios: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const rawCpu = process.cpuUsage();
      const raw = await runBullmq(PAPERS);
      const rawMs = cpuMs(rawCpu) / PAPERS;
      const oursCpu = process.cpuUsage();
      const ours = await runLaySum(benchConfig(llm), texts);
      const oursMs = cpuMs(oursCpu) / PAPERS;
      const ratio = raw / ours.seconds;
      ratios.push(ratio);
      console.log(
        `  pair ${pair + 1}: LaySum ${(PAPERS / ours.seconds).toFixed(0)} papers/s, two no-op BullMQ queues ${(PAPERS / raw).toFixed(0)} jobs/s: ${ratio.toFixed(2)}x; CPU of this process ${oursMs.toFixed(2)} ms a paper vs ${rawMs.toFixed(2)} ms a job`,
      );
    }
    const ratio = median(ratios);
    console.log(
      `  LaySum vs raw BullMQ, median of the pairs: ${ratio.toFixed(2)}x   target >= 0.5x: ${ratio >= 0.5 ? 'met' : 'MISSED'}`,
    );

    const paced = await runLaySum(benchConfig(llm), benchTexts(PACED.papers), { paced: PACED.perSecond });
    const p50 = percentile(paced.own, 50);
    const p99 = percentile(paced.own, 99);
    const rtt = percentile(
      paced.llmCalls.map((c) => c.end - c.start),
      50,
    );
    console.log(
      `  per paper at ${PACED.perSecond}/s (${PACED.papers} papers), LaySum's own time (submission to pending review less the scripted model's HTTP round trip, median ${rtt.toFixed(1)} ms): p50 ${p50.toFixed(1)} ms (target <= 5: ${p50 <= 5 ? 'met' : 'MISSED'}), p99 ${p99.toFixed(1)} ms (target <= 50: ${p99 <= 50 ? 'met' : 'MISSED'})`,
    );
    console.log(
      `    with the round trip: p50 ${percentile(paced.latencies, 50).toFixed(1)} ms, p99 ${percentile(paced.latencies, 99).toFixed(1)} ms`,
    );

    const stage = (name: string, t: { wait: number; run: number }[]) => {
      const wait = percentile(
        t.map((x) => x.wait),
        50,
      );
      const run = percentile(
        t.map((x) => x.run),
        50,
      );
      return `${name} waits ${wait} ms, runs ${run} ms`;
    };
    console.log(
      `    by stage (medians, BullMQ's ms clock): ${stage('ingest', paced.stages.ingest)}; ${stage('summarize', paced.stages.summarize)} (the scripted model's answer and the checks included)`,
    );

    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await runLaySum(benchConfig(llm), texts);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const p = profile as Parameters<typeof topItems>[0];
    console.log('  CPU profile of one more run (self time, this process: submitter and workers):');
    for (const line of topItems(p, 10)) console.log(`    ${line}`);
    console.log(`    by package or folder: ${topItems(p, 8, packageOf).join(';').replace(/ +/g, ' ')}`);
  } finally {
    await llm.close();
  }
}
