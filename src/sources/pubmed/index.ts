/** The PubMed source: E-utilities client and the EFetch / MEDLINE XML parser. */
export {
  createEutilsClient,
  EFETCH_BATCH,
  type EsearchOptions,
  type EsearchResult,
  type EutilsClient,
  type EutilsClientOptions,
} from './eutils.ts';
export { flattenInline } from './inline.ts';
export { type PubmedParseItem, type PubmedParseResult, parsePubmedXml } from './parse-xml.ts';
