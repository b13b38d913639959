package org.backofficehub.cluster;

import java.util.function.BooleanSupplier;

/**
 * Whether this instance runs the singletons (the consumers that must run once among the hubs on one
 * hub store): always when it runs alone, else while its cluster service has elected it.
 */
public final class Leadership {

    private final String instanceId;
    private final String service;
    private final BooleanSupplier leads;

    public Leadership(String instanceId, String service, BooleanSupplier leads) {
        this.instanceId = instanceId;
        this.service = service;
        this.leads = leads;
    }

    /** A hub with hub.cluster.service = none: it is the only one, so it leads. */
    public static Leadership alone(String instanceId) {
        return new Leadership(instanceId, "none", () -> true);
    }

    public String instanceId() {
        return instanceId;
    }

    /** none, zookeeper or file. */
    public String service() {
        return service;
    }

    public boolean leads() {
        return leads.getAsBoolean();
    }
}
