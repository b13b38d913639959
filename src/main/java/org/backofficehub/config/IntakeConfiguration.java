package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.backofficehub.api.BookingReply;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.api.OrderLookup;
import org.backofficehub.api.ProblemReply;
import org.backofficehub.api.StagedReply;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.inbox.ArchiveNaming;
import org.backofficehub.inbox.ContentFingerprint;
import org.backofficehub.inbox.InboundDocumentReader;
import org.backofficehub.inbox.QuarantineNote;
import org.backofficehub.json.WebOrderReader;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.store.FailureLog;
import org.backofficehub.xml.XmlOrderCodec;

/** Orders coming in: the web store's HTTP API and the inbox folder, their readers, answers and refusals. */
public class IntakeConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public InputSizeLimit inputSizeLimit(@PropertyInject("hub.max-input-bytes") long maxInputBytes) {
        return new InputSizeLimit(maxInputBytes, "hub.max-input-bytes");
    }

    @BindToRegistry(lazy = true)
    public WebOrderReader webOrderReader(@BeanInject("objectMapper") ObjectMapper json) {
        return new WebOrderReader(json);
    }

    @BindToRegistry(lazy = true)
    public XmlOrderCodec xmlOrderCodec() {
        return new XmlOrderCodec();
    }

    @BindToRegistry(lazy = true)
    public InboundDocumentReader inboundDocumentReader(WebOrderReader json, XmlOrderCodec xml) {
        return new InboundDocumentReader(json, xml);
    }

    @BindToRegistry(lazy = true)
    public BookingReply bookingReply(@BeanInject("objectMapper") ObjectMapper json) {
        return new BookingReply(json);
    }

    @BindToRegistry(lazy = true)
    public StagedReply stagedReply(@BeanInject("objectMapper") ObjectMapper json) {
        return new StagedReply(json);
    }

    @BindToRegistry(lazy = true)
    public ProblemReply problemReply(@BeanInject("objectMapper") ObjectMapper json) {
        return new ProblemReply(json);
    }

    @BindToRegistry(lazy = true)
    public OrderLookup orderLookup(@BeanInject("erpDataSource") DataSource erp, @BeanInject("objectMapper") ObjectMapper json) {
        return new OrderLookup(new ErpOrderReader(erp), json);
    }

    @BindToRegistry(lazy = true)
    public ArchiveNaming archiveNaming(Clock clock) {
        return new ArchiveNaming(clock);
    }

    @BindToRegistry(lazy = true)
    public ContentFingerprint contentFingerprint() {
        return new ContentFingerprint();
    }

    @BindToRegistry(lazy = true)
    public QuarantineNote quarantineNote(DataDirectory dataDirectory, Clock clock, FailureLog failures,
                                         @PropertyInject("hub.max-input-bytes") long maxPayloadBytes) {
        return new QuarantineNote(dataDirectory.error(), clock, failures, maxPayloadBytes);
    }

    /** Durable memory of inbox file contents already processed, in the hub store. */
    @BindToRegistry(lazy = true)
    public JdbcMessageIdRepository inboxFileRepository(@BeanInject("hubStore") DataSource hubStore) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(hubStore, "inbox-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /** Before anything else: the embedded server only logs a port it cannot bind, and the hub would run on deaf. */
    @Override
    public void configure(CamelContext camel) throws Exception {
        HttpPortCheck.requireFree(setting(camel, "camel.server.host"), Integer.parseInt(setting(camel, "camel.server.port")));
    }

    private static String setting(CamelContext camel, String key) {
        return camel.getPropertiesComponent().resolveProperty(key).orElseThrow().trim();
    }
}
