-- Web-store platforms (issue 20): how far each shop's order pull has got, so that a sync lists
-- only what was created or updated since the last one, across restarts and on every hub instance.
--
-- synced_since: the next listing asks for orders changed since this instant (the platform's clock,
-- from its Date header, less a margin). A listing in progress is remembered page by page: what it
-- lists since, the page it reads next (a page number, or Shopify's page_info cursor) and the
-- platform's time when it began; a crash resumes it at that page, and the exactly-once booking
-- absorbs what the resumed page repeats. Instants are ISO-8601 text, the same on H2 and PostgreSQL.
CREATE TABLE shop_sync (
    shop            VARCHAR(35)   NOT NULL PRIMARY KEY,
    synced_since    VARCHAR(40)   NOT NULL,
    listing_since   VARCHAR(40),
    listing_page    VARCHAR(2000),
    listing_started VARCHAR(40),
    pulled_at       TIMESTAMP     NOT NULL
);
