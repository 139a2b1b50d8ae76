/** `laysum export --out DIR`: write the published summaries as a static site (see src/publish/export.ts). */
import { resolve } from 'node:path';
import { sitePages } from '../../http/site/views/pages.ts';
import { ensureWritableDir, exportSite } from '../../publish/export.ts';
import { loadPublished } from '../../publish/published.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

export function exportPublished(o: { out: string; json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const out = resolve(o.out);
    // Fail on an unwritable directory before reading anything from Redis.
    await ensureWritableDir(out);
    const items = await loadPublished(ctx.store);
    const result = await exportSite(items, out, {
      disclaimer: ctx.config.http.disclaimer,
      credit: ctx.config.http.credit,
      site: ctx.config.http.site,
      baseUrl: ctx.config.http.publicBaseUrl,
      pages: sitePages,
    });
    if (o.json)
      return printJson({
        out,
        summaries: items.length,
        files: result.files,
        paths: result.paths,
        removed: result.removed,
      });
    const summaries = items.length === 1 ? '1 published summary' : `${items.length} published summaries`;
    print(`Wrote ${result.files} files for ${summaries} to ${out}`);
    if (result.removed.length)
      print(`Removed ${result.removed.length} file(s) of summaries no longer published.`);
    if (items.length === 0)
      print('Nothing is published yet: `laysum review publish <id>` publishes an approved draft.');
    print(`Open ${resolve(out, 'index.html')} in a browser, or serve ${out} from any static host.`);
  });
}
