/**
 * Fixture access shared by the PubMed tests (pubmed-parse, pubmed-eutils):
 * real EFetch / MEDLINE XML from test/fixtures/pubmed, see its README for origins.
 */
import { readFileSync } from 'node:fs';

/** The raw bytes of a fixture (some are gzipped). */
export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/pubmed/${name}`, import.meta.url));
/** A fixture as UTF-8 XML text. */
export const xmlFixture = (name: string): string => fixture(name).toString('utf8');
