-- The record store: papers, their identities, draft versions, the audit log,
-- merge tombstones, blobs, publications' changes and who submitted what.
-- Run by src/store/pg/migrate.ts inside the prefix's schema (search_path), so
-- names here are unqualified. Times that order things are ms since the epoch
-- (bigint), as the Redis store's sorted-set scores were.

-- Up Migration
CREATE TABLE papers (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL,
  state text NOT NULL,
  reason text NOT NULL DEFAULT '',
  created_at text NOT NULL,
  updated_at text NOT NULL,
  created_ms bigint NOT NULL,
  state_ms bigint NOT NULL,
  draft_count integer NOT NULL DEFAULT 0,
  failure jsonb,
  approval jsonb,
  publication jsonb,
  live_ms bigint
);
CREATE INDEX papers_by_time ON papers (created_ms, id);
CREATE INDEX papers_by_state ON papers (state, state_ms, id);
CREATE INDEX papers_live ON papers (live_ms, id) WHERE live_ms IS NOT NULL;

CREATE TABLE identities (
  kind text NOT NULL,
  value text NOT NULL,
  paper_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, value)
);

CREATE TABLE drafts (
  paper_id text COLLATE "C" NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  version integer NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (paper_id, version)
);

CREATE TABLE audit (
  seq bigserial PRIMARY KEY,
  at_ms bigint NOT NULL,
  paper_id text COLLATE "C" NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX audit_by_paper ON audit (paper_id, seq);
CREATE INDEX audit_by_time ON audit (at_ms, seq);

CREATE TABLE merged (
  id text COLLATE "C" PRIMARY KEY,
  into_id text COLLATE "C" NOT NULL
);

CREATE TABLE blobs (
  paper_id text COLLATE "C" PRIMARY KEY,
  bytes bytea NOT NULL
);

-- One row: the publication generation. Bumped by UPDATE, so publishers hold
-- its lock until they commit and generations become visible in order.
CREATE TABLE public_generation (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  n bigint NOT NULL
);
INSERT INTO public_generation (one, n) VALUES (true, 0);

CREATE TABLE public_changes (
  generation bigint PRIMARY KEY,
  paper_id text COLLATE "C" NOT NULL
);

CREATE TABLE submitters (
  name text NOT NULL,
  paper_id text COLLATE "C" NOT NULL,
  at_ms bigint NOT NULL,
  PRIMARY KEY (name, paper_id)
);
CREATE INDEX submitters_by_time ON submitters (name, at_ms, paper_id);

-- Down Migration
DROP TABLE submitters;
DROP TABLE public_changes;
DROP TABLE public_generation;
DROP TABLE blobs;
DROP TABLE merged;
DROP TABLE audit;
DROP TABLE drafts;
DROP TABLE identities;
DROP TABLE papers;
