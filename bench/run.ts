/**
 * `npm run bench`: every performance figure of LaySum beside its yardstick,
 * measured side by side in one run, with the targets beside them (printed,
 * never asserted). One section per line below; the machine may be shared, so
 * read the ratios rather than the absolute times.
 */
import { benchMemory } from './memory.ts';
import { benchPdf, benchPubmed } from './parsing.ts';
import { benchPipeline } from './pipeline.ts';
import { benchPublish } from './publish.ts';
import { benchRateLimits } from './rate-limits.ts';
import { benchSite } from './site.ts';
import { benchStartup } from './startup.ts';

const sections: [string, () => void | Promise<void>][] = [
  ['start-up', benchStartup],
  ['pipeline overhead', benchPipeline],
  ['memory per paper', benchMemory],
  ['PubMed XML', benchPubmed],
  ['PDF', benchPdf],
  ['desk and site at scale', benchSite],
  ['first request after a publication', benchPublish],
  ['LLM rate limits', async () => void (await benchRateLimits())],
];

for (const [name, run] of sections) {
  console.log('');
  try {
    await run();
  } catch (err) {
    console.log(`${name}: could not be measured: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(0);
