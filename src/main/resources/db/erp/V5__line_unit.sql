-- The unit each line was ordered in (UN/ECE Recommendation 20, as EDIFACT DE 6411 writes it, an..8),
-- so invoices and despatch advices say "4 KGM" rather than "4 EA". Empty: the item's own unit.
ALTER TABLE ORDLIN ADD COLUMN OLUOM VARCHAR(8);
