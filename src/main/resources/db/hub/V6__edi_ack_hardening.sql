-- EDI acknowledgements and envelopes hardened (issue 19).
--
-- An inbound interchange is read by one delivery at a time: the delivery reading it holds its
-- claim (a token, the hub instance, and when it last said it was still at it). Another file with
-- the same interchange arriving meanwhile is refused as a duplicate; one left by a crash is taken
-- over (the same instance restarted, or another one once the claim is older than its lease).
--
-- Inbound states: receiving | completed | partial | rejected | unmatched | failed (README, "EDI:
-- trading partners"); state_detail says what the state means for this interchange in particular
-- (what was refused, which acknowledgement matched nothing the hub sent, what failed).
ALTER TABLE edi_interchange ADD COLUMN claim_token VARCHAR(36);
ALTER TABLE edi_interchange ADD COLUMN claimed_by VARCHAR(255);
ALTER TABLE edi_interchange ADD COLUMN claimed_at TIMESTAMP;
ALTER TABLE edi_interchange ADD COLUMN state_detail VARCHAR(1000);
