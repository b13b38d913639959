-- Metrics are scraped every few seconds and must not read the history, which grows with every
-- document: the overdue-acknowledgement gauge counts a partner's awaited acknowledgements only.
CREATE INDEX edi_interchange_awaited ON edi_interchange (partner_id, ack_status, direction, created_at);
