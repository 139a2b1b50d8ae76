/**
 * `npm run bench`: every performance figure of LaySum beside its yardstick,
 * measured side by side in one run, with the targets beside them (printed,
 * never asserted). One section per line below; the machine may be shared, so
 * read the ratios rather than the absolute times. Arguments pick sections by
 * name: `npm run bench -- desk search`.
 */

import { benchDeskSearch } from './desk-search.ts';
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
  ['desk search index at 500,000 papers', benchDeskSearch],
  ['first request after a publication', benchPublish],
  ['LLM rate limits', async () => void (await benchRateLimits())],
];

// `npm run bench -- desk search` runs only the sections whose name holds those words.
const only = process.argv.slice(2).join(' ').toLowerCase();
for (const [name, run] of sections.filter(([n]) => n.toLowerCase().includes(only))) {
  console.log('');
  try {
    await run();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    console.log(`${name}: could not be measured: ${why.slice(0, 500)}`);
  }
}
process.exit(0);
