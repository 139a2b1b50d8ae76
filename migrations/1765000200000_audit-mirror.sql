-- The audit stream's outbox (src/store/pg/outbox.ts): each audit entry says
-- whether it has reached the Redis audit stream that webhooks and the desk's
-- live pulse read. A write marks its entries once its XADD succeeded; the
-- workers' catch-up sends, in audit order, those left behind (Redis down
-- between the COMMIT and the XADD, the process gone). Entries written before
-- this migration were mirrored (best effort) already: they start marked, so
-- the history is not sent again.
-- Run inside the prefix's schema (search_path), so names are unqualified.

-- Up Migration
ALTER TABLE audit ADD COLUMN mirrored boolean NOT NULL DEFAULT true;
ALTER TABLE audit ALTER COLUMN mirrored SET DEFAULT false;
-- Small: only what is on its way (or left behind), in audit order and per paper.
CREATE INDEX audit_unmirrored ON audit (seq) WHERE NOT mirrored;
CREATE INDEX audit_unmirrored_by_paper ON audit (paper_id, seq) WHERE NOT mirrored;

-- Down Migration
DROP INDEX audit_unmirrored_by_paper;
DROP INDEX audit_unmirrored;
ALTER TABLE audit DROP COLUMN mirrored;
