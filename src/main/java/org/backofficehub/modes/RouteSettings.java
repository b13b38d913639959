package org.backofficehub.modes;

import java.time.Instant;

/** A route's current mode and drain schedule (a Quartz cron, seconds first), and who set them. */
public record RouteSettings(String routeId, RouteMode mode, String cron, Instant changedAt, String changedBy) {
}
