package org.backofficehub.edi.transfers;

import org.apache.camel.CamelContext;
import org.backofficehub.store.DataDirectory;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.PartnerRemote;

/** Creates the FTP/SFTP routes (templates in partner-transfers.camel.yaml) of every partner whose profile names a server. */
public final class PartnerTransfers {

    public static final String INBOUND_PREFIX = "partner-inbound-";
    public static final String OUTBOUND_PREFIX = "partner-outbound-";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerTransfers.class);

    private PartnerTransfers() {
    }

    public static void start(CamelContext camel, PartnerProfiles profiles, DataDirectory dataDirectory) throws Exception {
        for (PartnerProfile partner : profiles.all()) {
            PartnerRemote remote = partner.remote();
            if (remote == null) {
                continue;
            }
            String key = partner.partnerId().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
            TemplatedRouteBuilder.builder(camel, "partner-remote-inbound")
                    .routeId(INBOUND_PREFIX + key)
                    .parameter("partner", partner.partnerId())
                    .parameter("remoteUri", remote.inboundUri(dataDirectory.remoteWork(key).toString()))
                    .parameter("inbox", dataDirectory.inbox().toString())
                    .add();
            TemplatedRouteBuilder.builder(camel, "partner-remote-outbound")
                    .routeId(OUTBOUND_PREFIX + key)
                    .parameter("partner", partner.partnerId())
                    .parameter("outbox", dataDirectory.outbox(partner.outbox()).toString())
                    .parameter("remoteUri", remote.outboundUri())
                    .add();
            LOG.info("Partner {} exchanges files with {}", partner.partnerId(), remote.describe());
            if (remote.trustsAnyHostKey()) {
                LOG.warn("Partner {}: any host key is trusted for {} (remote.known-hosts = any); pin the server's key before going live",
                        partner.partnerId(), remote.describe());
            }
        }
    }
}
