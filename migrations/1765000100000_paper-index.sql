-- The review queue's search index (src/store/pg/search-index.ts): one row per
-- paper with what the desk filters, searches and sorts on, computed from the
-- paper's record and latest draft by src/store/index-entry.ts, the same code
-- that feeds the Redis index. Derived data: no foreign key to papers, so it
-- can be rebuilt (or dropped) without touching the record.
-- Run inside the prefix's schema (search_path), so names are unqualified.

-- Up Migration
CREATE TABLE paper_index (
  id text COLLATE "C" PRIMARY KEY,
  state text NOT NULL,
  -- ms since the epoch, as the port's from/to and the Redis sorted sets.
  created bigint NOT NULL,
  -- The search tokens exactly as src/text/search-tokens.ts cut them
  -- (array_to_tsvector, no parser or stemming): a search matches what it did in Redis.
  search tsvector NOT NULL,
  topics text[] COLLATE "C" NOT NULL DEFAULT '{}',
  submitter text COLLATE "C" NOT NULL,
  check_result text NOT NULL,
  provider text COLLATE "C",
  model text COLLATE "C",
  grade real NOT NULL DEFAULT 0,
  checks integer NOT NULL DEFAULT 0,
  credibility smallint NOT NULL DEFAULT 0
);

-- Every sort the desk offers, with and without a state, each ending in
-- (created, id) so ties come newest first and a page is one index range scan
-- (read backwards for the other order).
CREATE INDEX paper_index_age ON paper_index (created, id);
CREATE INDEX paper_index_state_age ON paper_index (state, created, id);
CREATE INDEX paper_index_grade ON paper_index (grade, created, id);
CREATE INDEX paper_index_state_grade ON paper_index (state, grade, created, id);
CREATE INDEX paper_index_checks ON paper_index (checks, created, id);
CREATE INDEX paper_index_state_checks ON paper_index (state, checks, created, id);
CREATE INDEX paper_index_credibility ON paper_index (credibility, created, id);
CREATE INDEX paper_index_state_credibility ON paper_index (state, credibility, created, id);
-- Filters that can be narrow, newest first.
CREATE INDEX paper_index_check_age ON paper_index (check_result, created, id);
CREATE INDEX paper_index_provider_age ON paper_index (provider, created, id);
CREATE INDEX paper_index_model_age ON paper_index (model, created, id);
CREATE INDEX paper_index_submitter_age ON paper_index (submitter, created, id);
CREATE INDEX paper_index_search ON paper_index USING gin (search);
CREATE INDEX paper_index_topics ON paper_index USING gin (topics);

-- How many indexed papers hold each filter value (the filter menus, most
-- used first), kept by put and remove in the same statement as the row.
CREATE TABLE paper_index_facet (
  field text NOT NULL,
  value text COLLATE "C" NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (field, value)
);
CREATE INDEX paper_index_facet_top ON paper_index_facet (field, n DESC, value DESC) WHERE n > 0;

-- The index's version once every paper was put (isBuilt / markBuilt).
CREATE TABLE paper_index_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- Down Migration
DROP TABLE paper_index_meta;
DROP TABLE paper_index_facet;
DROP TABLE paper_index;
