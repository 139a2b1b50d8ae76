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

-- How many indexed papers hold each value of a filter, and each state with
-- each value (the filter menus and the totals of the common views, without
-- counting rows). Writers only INSERT signed deltas (no row is shared between
-- writers, so no lock waits or deadlocks); readers fold them into the counts
-- now and then (src/store/pg/index-counts.ts).
CREATE TABLE paper_index_count (
  kind text NOT NULL,
  value text COLLATE "C" NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (kind, value)
);
CREATE TABLE paper_index_delta (
  kind text NOT NULL,
  value text COLLATE "C" NOT NULL,
  d integer NOT NULL
);
CREATE INDEX paper_index_delta_key ON paper_index_delta (kind, value);

-- The count keys of one row: ('all', ''), ('state', s), (field, value) for
-- check, submitter, provider, model and each topic, and ('state+' || field,
-- s || U+001F || value) for each of those.
CREATE FUNCTION paper_index_keys(s text, topics text[], chk text, prov text, mdl text, sub text)
RETURNS TABLE (kind text, value text) LANGUAGE sql IMMUTABLE AS $$
  WITH dims (k, v) AS (
    SELECT 'check', chk
    UNION ALL SELECT 'submitter', sub
    UNION ALL SELECT 'provider', prov
    UNION ALL SELECT 'model', mdl
    UNION ALL SELECT 'topic', unnest(topics)
  )
  SELECT 'all', ''
  UNION ALL SELECT 'state', s
  UNION ALL SELECT k, v FROM dims WHERE v IS NOT NULL
  UNION ALL SELECT 'state+' || k, s || E'\x1f' || v FROM dims WHERE v IS NOT NULL
$$;

-- The index's version once every paper was put (isBuilt / markBuilt). A new
-- schema holds no paper, and the record store indexes each one it writes, so
-- it starts built; a later version of the index is rebuilt once.
CREATE TABLE paper_index_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO paper_index_meta (key, value) VALUES ('version', '1');

-- Down Migration
DROP TABLE paper_index_meta;
DROP FUNCTION paper_index_keys;
DROP TABLE paper_index_delta;
DROP TABLE paper_index_count;
DROP TABLE paper_index;
