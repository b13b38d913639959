-- Several hubs on one hub store (hub.cluster.service): each instance's row, written at start and on
-- every heartbeat (hub.cluster.refresh-ms), removed when it stops; one left behind by a killed
-- instance stops being seen. Whether it leads the singletons is what its cluster service told it.
CREATE TABLE cluster_member (
    instance_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    service      VARCHAR(16)  NOT NULL,         -- none | zookeeper | file
    started_at   TIMESTAMP    NOT NULL,
    last_seen    TIMESTAMP    NOT NULL,
    leader       BOOLEAN      NOT NULL
);
