package org.backofficehub.tracking;

import java.util.Map;

/** Tracking on the default hub store, H2. */
class TrackingTest extends TrackingScenario {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
