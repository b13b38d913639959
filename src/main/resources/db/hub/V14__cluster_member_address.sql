-- Where the other instances reach this one (hub.cluster.advertised-url): a follower forwards what
-- runs on the leader only (Run now, closing the journal, the customer import, the tracking clean-up)
-- to the leader's address. Empty on a row an instance of an older version wrote, until it is upgraded.
ALTER TABLE cluster_member ADD COLUMN advertised_url VARCHAR(512);
