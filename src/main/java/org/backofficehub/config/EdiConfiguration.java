package org.backofficehub.config;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.edi.intake.EdiIntake;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.reading.SmooksEdifact;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.edi.transfers.PartnerTransferFailure;
import org.backofficehub.edi.transfers.PartnerTransfers;
import org.backofficehub.edi.writing.DrainedOrderResponses;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.accounting.InvoiceRecords;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ItemCatalogue;
import org.backofficehub.edi.intake.HeldOrders;
import org.backofficehub.store.FailureLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.tracking.DocumentJournal;
import org.backofficehub.store.FailureLog;

/** Trading partners: their profiles, interchanges in and out, control numbers, and their FTP/SFTP servers. */
public class EdiConfiguration implements CamelConfiguration {

    /** A profile key can be overridden like any setting: hub.partner.acme.ack, -D or HUB_PARTNER_ACME_ACK. */
    @BindToRegistry(lazy = true)
    public PartnerProfiles partnerProfiles(CamelContext camel, @PropertyInject("hub.partners.dir") String directory,
                                           @PropertyInject("hub.partners.unknown") String unknownPartners,
                                           @PropertyInject("hub.edi.our-id") String ourDefaultId) {
        return EdiEngines.check(PartnerProfiles.load(Path.of(directory.trim()), PartnerProfiles.acceptsUnknown(unknownPartners), ourDefaultId.trim(),
                key -> camel.getPropertiesComponent().resolveProperty(key).orElse(null)));
    }

    /**
     * This hub instance is its host and data directory, for good: an interchange it was reading
     * when it crashed is read again as soon as it restarts; another instance's, once its claim is stale.
     */
    @BindToRegistry(lazy = true)
    public InterchangeRegistry interchangeRegistry(@BeanInject("hubStore") DataSource hubStore, Clock clock, DataDirectory dataDirectory) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException unknown) {
                host = "localhost";
            }
        }
        return new InterchangeRegistry(hubStore, clock, host + ":" + dataDirectory.root(), InterchangeRegistry.DEFAULT_LEASE);
    }

    @BindToRegistry(lazy = true)
    public ControlNumbers controlNumbers(@BeanInject("hubStore") DataSource hubStore) {
        return new StoredControlNumbers(hubStore);
    }

    /** Every document published to a partner's outbox is tracked (its bytes set aside at once, its record written later). */
    @BindToRegistry(lazy = true)
    public Outbox outbox(DataDirectory dataDirectory, DocumentJournal journal) {
        return new Outbox(dataDirectory, journal);
    }

    /** The hub's implementation guides; compiled on first use. */
    @BindToRegistry(lazy = true)
    public TransactionSchemas transactionSchemas() {
        return new TransactionSchemas();
    }

    @BindToRegistry(lazy = true)
    public EdiIntake ediIntake(TransactionSchemas schemas, PartnerProfiles profiles, InterchangeRegistry registry, ControlNumbers numbers,
                               Outbox outbox, Clock clock, @PropertyInject("hub.edi.hold-orders") int holdOrders) {
        return new EdiIntake(new InterchangeReader(schemas), profiles, registry, numbers, outbox, EdiEngines.translators(), clock,
                holdOrders);
    }

    /** The steps around the second EDI engine, Smooks (a smooks: endpoint), for partners whose profile names it. */
    @BindToRegistry(lazy = true)
    public ItemCatalogue itemCatalogue(@BeanInject("erpDataSource") DataSource erp, ErpProfile erpProfile,
                                       @PropertyInject("hub.erp.list-price-currency") String listPriceCurrency) {
        return new ItemCatalogue(erp, erpProfile, listPriceCurrency.trim());
    }

    @BindToRegistry(lazy = true)
    public HeldOrders heldOrders(PartnerProfiles profiles, FailureLog failures, @BeanInject("canonicalJson") ObjectMapper canonicalJson) {
        return new HeldOrders(profiles, failures, canonicalJson);
    }

    @BindToRegistry(lazy = true)
    public SmooksEdifact smooksEdifact() {
        return new SmooksEdifact();
    }

    @BindToRegistry(lazy = true)
    public InputSizeLimit ediInputSizeLimit(@PropertyInject("hub.edi.max-input-bytes") long maxBytes) {
        return new InputSizeLimit(maxBytes, "hub.edi.max-input-bytes");
    }

    /** Order responses for EDI orders a batch drain booked or refused. */
    @BindToRegistry(lazy = true)
    public DrainedOrderResponses drainedOrderResponses(PartnerProfiles profiles, Outbox outbox, ControlNumbers numbers,
                                                       InterchangeRegistry registry, Clock clock) {
        return new DrainedOrderResponses(profiles, outbox, numbers, registry, clock);
    }

    /** Partners' invoices (accounting's, with the ERP's lines) and despatch advices (from the ERP's bookings). */
    @BindToRegistry(lazy = true)
    public OutboundDocuments outboundDocuments(PartnerProfiles profiles, ErpOrderReader erpOrders,
                                               @BeanInject("hubStore") DataSource hubStore, Outbox outbox,
                                               ControlNumbers numbers, InterchangeRegistry registry, Clock clock) {
        return new OutboundDocuments(profiles, erpOrders, new InvoiceRecords(hubStore, clock), outbox, numbers, registry, clock);
    }

    /** Durable memory of the files taken from partners' FTP/SFTP servers (name, size, time), in the hub store. */
    @BindToRegistry(lazy = true)
    public JdbcMessageIdRepository remoteFileRepository(@BeanInject("hubStore") DataSource hubStore) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(hubStore, "partner-remote-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @BindToRegistry(lazy = true)
    public PartnerTransferFailure partnerTransferFailure(FailureLog failures) {
        return new PartnerTransferFailure(failures);
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        // The profiles first: one the hub cannot serve (an engine that is not installed, say) stops
        // it here, with its own message, before any route that happens to need them is built.
        camel.getRegistry().findSingleByType(PartnerProfiles.class);
        // The transfer routes come from YAML templates, so they can only be added once routes are loaded.
        FullyStarted.then(camel, context -> {
            try {
                PartnerTransfers.start(context, context.getRegistry().findSingleByType(PartnerProfiles.class),
                        context.getRegistry().findSingleByType(DataDirectory.class));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the partners' FTP/SFTP transfers: " + e.getMessage(), e);
            }
        });
    }
}
