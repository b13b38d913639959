package org.backofficehub.observe;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.backofficehub.cluster.Leadership;

/**
 * Which hub instance this is and whether it runs the singletons: always up, since a follower takes
 * HTTP orders as the leader does (a load balancer must keep sending them). Shown by
 * {@code /observe/health?exposureLevel=full&data=true}.
 */
public final class LeadershipHealthCheck extends AbstractHealthCheck {

    private final Leadership leadership;

    public LeadershipHealthCheck(Leadership leadership) {
        super("hub", "cluster");
        this.leadership = leadership;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean leads = leadership.leads();
        builder.up()
                .message(leadership.instanceId() + (leads ? " leads: the singletons run here" : " follows: the singletons run on the leader"))
                .detail("instance", leadership.instanceId())
                .detail("service", leadership.service())
                .detail("leader", leads);
    }
}
