-- The size and modification time of the file an inbound interchange was read from: the same file
-- found again in the inbox after a crash (read to the end, not yet moved to done/) is told apart
-- from a partner sending the interchange again.
ALTER TABLE edi_interchange ADD COLUMN file_stamp VARCHAR(60);
