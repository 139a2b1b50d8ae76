/**
 * The scripted model in a process of its own (`npm run bench`'s pipeline
 * figures): a provider is never in the workers' process, and the yardstick
 * (two no-op BullMQ queues) serves no HTTP either, so its CPU must not count
 * against LaySum's. Prints its base URL on the first line of stdout; ends
 * when its parent closes stdin.
 */
import { benchSummary } from './pipeline-run.ts';
import { startScriptedLlm } from './scripted-llm.ts';

const llm = await startScriptedLlm(benchSummary);
process.stdout.write(`${llm.baseURL}\n`);
process.stdin.resume();
process.stdin.on('end', () => void llm.close().then(() => process.exit(0)));
