package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.backofficehub.admin.TrackingAdminApi;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.writing.DocumentResends;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.observe.OverdueAcknowledgementsGauge;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.tracking.DocumentJournal;
import org.backofficehub.tracking.DocumentResending;
import org.backofficehub.tracking.OverdueAcknowledgements;
import org.backofficehub.tracking.PayloadDownloads;
import org.backofficehub.tracking.PayloadStore;
import org.backofficehub.tracking.ReceivedDocuments;
import org.backofficehub.tracking.Timelines;
import org.backofficehub.tracking.TrackingRetention;
import org.backofficehub.tracking.TrackingSearch;

/**
 * Tracking (issue 22): every document received and sent, its payload stored once by hash, its
 * chain assembled from the hub store when asked; overdue acknowledgements; retention.
 */
public class TrackingConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public PayloadStore payloadStore(DataDirectory dataDirectory) {
        return new PayloadStore(dataDirectory.payloads());
    }

    @BindToRegistry(lazy = true)
    public DocumentJournal documentJournal(@BeanInject("hubStore") DataSource hubStore, PayloadStore payloads, Clock clock,
                                           @PropertyInject("hub.tracking.max-queued") int maxQueued) {
        return new DocumentJournal(hubStore, payloads, clock, maxQueued);
    }

    @BindToRegistry(lazy = true)
    public ReceivedDocuments receivedDocuments(DocumentJournal journal) {
        return new ReceivedDocuments(journal);
    }

    @BindToRegistry(lazy = true)
    public OverdueAcknowledgements overdueAcknowledgements(@BeanInject("hubStore") DataSource hubStore, PartnerProfiles profiles, Clock clock) {
        return new OverdueAcknowledgements(hubStore, profiles, clock);
    }

    @BindToRegistry(lazy = true)
    public TrackingRetention trackingRetention(@BeanInject("hubStore") DataSource hubStore, PayloadStore payloads, Clock clock,
                                               @PropertyInject("hub.tracking.retention") String retention) {
        return new TrackingRetention(hubStore, payloads, clock, Duration.parse(retention.trim()));
    }

    @BindToRegistry(lazy = true)
    public TrackingAdminApi trackingAdminApi(@BeanInject("hubStore") DataSource hubStore, PayloadStore payloads,
                                             OverdueAcknowledgements overdue, TrackingRetention retention, PartnerProfiles profiles,
                                             Outbox outbox, ControlNumbers numbers, InterchangeRegistry registry,
                                             OutboundDocuments documents, @BeanInject("canonicalJson") ObjectMapper json) {
        Timelines timelines = new Timelines(hubStore, overdue);
        DocumentResending resending = new DocumentResending(timelines, payloads, profiles, new DocumentResends(outbox, numbers, registry),
                documents);
        return new TrackingAdminApi(new TrackingSearch(hubStore), timelines, new PayloadDownloads(hubStore, payloads), resending, overdue,
                retention, json);
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        FullyStarted.then(camel, context -> OverdueAcknowledgementsGauge.register(context,
                context.getRegistry().findSingleByType(OverdueAcknowledgements.class),
                context.getRegistry().findSingleByType(DocumentJournal.class)));
    }
}
