package org.backofficehub.tracking;

import java.util.Map;
import org.backofficehub.support.TestDatabase;

/** Tracking with the hub store (and the ERP) on a real PostgreSQL server: the same SQL. */
class PostgresTrackingTest extends TrackingScenario {

    @Override
    Map<String, String> database() {
        TestDatabase postgres = TestDatabase.POSTGRES;
        return Map.of("hub.store.url", postgres.newDatabaseUrl("hub"), "hub.store.user", postgres.user(),
                "hub.erp.url", postgres.newDatabaseUrl("erp"), "hub.erp.user", postgres.user());
    }
}
