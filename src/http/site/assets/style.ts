/**
 * The published pages' one small stylesheet, a real file (./site.css, linted
 * by biome). It is inlined into every page: an exported site stays
 * self-contained, one file a page.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../../../config/paths.ts';

export const STYLESHEET = readFileSync(projectPath('src', 'http', 'site', 'assets', 'site.css'), 'utf8');
