-- Embedded H2 only (HubDatabases adds this location for an H2 store), run after every migration.
-- H2 writes an identity's next value to disk with a commit of its own each time its cache runs
-- out, 32 values by default: with several identity rows per order that was a commit every few
-- orders, each storing every page changed since the last. H2 hands out one cache for the whole
-- database, so ids keep the order they are taken in; after a crash the unused rest of a cache is skipped (ids
-- only, never invoice numbers, which are counted in their own row). PostgreSQL keeps its default
-- of 1: its caches are per session and would let a later event take a smaller id.
ALTER TABLE tracked_document ALTER COLUMN id SET CACHE 1000;
ALTER TABLE staged_order ALTER COLUMN id SET CACHE 1000;
ALTER TABLE failure ALTER COLUMN id SET CACHE 1000;
ALTER TABLE edi_interchange ALTER COLUMN id SET CACHE 1000;
ALTER TABLE customer_event ALTER COLUMN id SET CACHE 1000;
ALTER TABLE customer_inbox ALTER COLUMN id SET CACHE 1000;
ALTER TABLE order_event ALTER COLUMN id SET CACHE 1000;
ALTER TABLE ledger_posting ALTER COLUMN id SET CACHE 1000;
ALTER TABLE outbound_message ALTER COLUMN id SET CACHE 1000;
