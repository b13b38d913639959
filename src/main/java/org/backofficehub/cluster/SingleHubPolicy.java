package org.backofficehub.cluster;

import org.apache.camel.support.RoutePolicySupport;

/**
 * The singletons' route policy when the hub runs alone (hub.cluster.service = none): they start and
 * run as any route does, exactly as before there were clusters.
 */
public final class SingleHubPolicy extends RoutePolicySupport {
}
