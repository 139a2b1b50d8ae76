/**
 * The desk's script and stylesheet: real files in this folder (linted by biome),
 * joined in a fixed order into one bundle each and served at an address that
 * carries a hash of their content, so a browser may keep them for a year and
 * a changed file is a new address. Read from the source tree through
 * projectPath (like the Lua scripts), the same whether the code runs from
 * src/ or from the bundle in dist/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../../config/paths.ts';

/** What each bundle is made of, in the order the page needs them (live.js uses what desk.js sets up). */
const BUNDLES = {
  'desk.js': ['desk.js', 'row-click.js', 'links.js', 'live.js', 'confirm.js'],
  'desk.css': ['desk.css', 'team.css', 'editors.css', 'links.css'],
} as const;

export type BundleName = keyof typeof BUNDLES;

export interface Bundle {
  url: string;
  body: string;
  type: string;
  etag: string;
}

export const ASSETS_PATH = '/assets';
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

let loaded: Map<BundleName, Bundle> | null = null;

function load(): Map<BundleName, Bundle> {
  if (loaded) return loaded;
  const bundles = new Map<BundleName, Bundle>();
  for (const [name, files] of Object.entries(BUNDLES) as [BundleName, readonly string[]][]) {
    const body = files
      .map((file) => readFileSync(projectPath('src', 'http', 'web', 'assets', file), 'utf8'))
      .join('\n');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const [base, ext] = name.split('.') as [string, 'js' | 'css'];
    bundles.set(name, {
      url: `${ASSETS_PATH}/${base}.${hash}.${ext}`,
      body,
      type: TYPES[ext],
      etag: `"${hash}"`,
    });
  }
  loaded = bundles;
  return bundles;
}

/** The address a page links to (it changes whenever the content does). */
export function assetUrl(name: BundleName): string {
  const bundle = load().get(name);
  if (!bundle) throw new Error(`No asset bundle ${name}.`);
  return bundle.url;
}

/** The bundle served at this address, if any (an address of another build finds none). */
export function bundleAt(path: string): Bundle | undefined {
  return [...load().values()].find((b) => b.url === path);
}
