/**
 * Fixtures shared by the Crossref / Europe PMC tests (jats, crossref): real
 * recorded responses from test/fixtures/crossref, see its README for origins.
 */
import { readFileSync } from 'node:fs';

/** A recorded response body, as text. */
export const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/crossref/${name}`, import.meta.url), 'utf8');
/** Crossref /works/10.1038/srep16696: one unsectioned JATS abstract. */
export const SREP = fixture('works_10.1038_srep16696.json');
/** Crossref /works/10.1002/jor.1100150407: a JATS abstract with escaped entities. */
export const JOR = fixture('works_10.1002_jor.1100150407.json');
/** A Europe PMC core search for "cancer": several records, some with HTML abstracts. */
export const EPMC_CANCER = fixture('europepmc/search_cancer_core.json');

/** The fields of a Europe PMC search result these tests look at. */
export type EpmcResult = { id: string; doi?: string; abstractText?: string };
