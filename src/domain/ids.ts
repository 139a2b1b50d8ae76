/**
 * What a stored identifier looks like, for the schemas in this folder. The
 * code that reads identifiers out of what people paste and publishers print
 * (prefixes, links, leading zeros, punctuation) is src/sources/doi.ts and
 * src/sources/pmid.ts; both end in these shapes.
 */

/** A PubMed id as stored: 1 to 9 digits, no leading zero. */
export const PMID_PATTERN = /^[1-9]\d{0,8}$/;

/**
 * A DOI as stored (lower case, no resolver prefix): `10.` + a registrant code
 * (sub-codes like `10.1000.1` exist) + `/` + a non-empty suffix.
 */
export const DOI_PATTERN = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;
