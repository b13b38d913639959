package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import javax.sql.DataSource;
import javax.xml.validation.SchemaFactory;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.api.JsonContentType;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.api.OrderLookup;
import org.backofficehub.api.OrderReply;
import org.backofficehub.api.ProblemReply;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.inbox.ArchiveNaming;
import org.backofficehub.inbox.ContentFingerprint;
import org.backofficehub.inbox.DocumentFormats;
import org.backofficehub.inbox.EmptyFiles;
import org.backofficehub.inbox.InboxEntries;
import org.backofficehub.inbox.OddFileQuarantine;
import org.backofficehub.inbox.InboxOrderReply;
import org.backofficehub.inbox.QuarantineNote;
import org.backofficehub.inbox.ReasonFiles;
import org.backofficehub.inbox.SameFileRecognition;
import org.backofficehub.json.AssertingFormats;
import org.backofficehub.json.StrictJson;
import org.backofficehub.json.WebOrderDocuments;
import org.backofficehub.json.WebOrderSchemaProblems;
import org.backofficehub.json.WebOrders;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.store.FailureLog;
import org.backofficehub.xml.OrderXsdProblems;
import org.backofficehub.xml.XmlOrders;
import org.backofficehub.xml.XmlSchemas;

/** Orders coming in: the web store's HTTP API and the inbox folder, their readers, answers and refusals. */
public class IntakeConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public InputSizeLimit inputSizeLimit(@PropertyInject("hub.max-input-bytes") long maxInputBytes) {
        return new InputSizeLimit(maxInputBytes, "hub.max-input-bytes");
    }

    /** Exact JSON in strict UTF-8, for every JSON document and request the hub takes. */
    @BindToRegistry(lazy = true)
    public StrictJson strictJson() {
        return new StrictJson();
    }

    /** A web order's text as the hub takes it, before its schema: the JSON reading routes' first step. */
    @BindToRegistry(lazy = true)
    public WebOrderDocuments webOrderDocuments() {
        return new WebOrderDocuments(StrictJson.keepingDecimalsAsWritten());
    }

    /** The Content-Type and body of a request that sends JSON. */
    @BindToRegistry(lazy = true)
    public JsonContentType jsonContentType() {
        return new JsonContentType();
    }

    /** The admin API's JSON request bodies. */
    @BindToRegistry(lazy = true)
    public JsonRequest jsonRequest(StrictJson strictJson) {
        return new JsonRequest(strictJson);
    }

    /** Web-store orders (JSON) as canonical orders, once the route has validated them. */
    @BindToRegistry(lazy = true)
    public WebOrders webOrders(@BeanInject("objectMapper") ObjectMapper json) {
        return new WebOrders(json);
    }

    @BindToRegistry(lazy = true)
    public AssertingFormats assertingFormats() {
        return new AssertingFormats();
    }

    @BindToRegistry(lazy = true)
    public WebOrderSchemaProblems webOrderSchemaProblems() {
        return new WebOrderSchemaProblems();
    }

    @BindToRegistry(lazy = true)
    public XmlOrders xmlOrders() {
        return new XmlOrders();
    }

    @BindToRegistry(lazy = true)
    public SchemaFactory xmlSchemaFactory() {
        return XmlSchemas.factory();
    }

    @BindToRegistry(lazy = true)
    public OrderXsdProblems orderXsdProblems() {
        return new OrderXsdProblems();
    }

    @BindToRegistry(lazy = true)
    public DocumentFormats documentFormats() {
        return new DocumentFormats();
    }

    @BindToRegistry(lazy = true)
    public OrderReply orderReply(@BeanInject("objectMapper") ObjectMapper json) {
        return new OrderReply(json);
    }

    @BindToRegistry(lazy = true)
    public InboxOrderReply inboxOrderReply() {
        return new InboxOrderReply();
    }

    @BindToRegistry(lazy = true)
    public ProblemReply problemReply(@BeanInject("objectMapper") ObjectMapper json) {
        return new ProblemReply(json);
    }

    @BindToRegistry(lazy = true)
    public OrderLookup orderLookup(ErpOrderReader erpOrders, @BeanInject("objectMapper") ObjectMapper json) {
        return new OrderLookup(erpOrders, json);
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
    public ReasonFiles reasonFiles(DataDirectory dataDirectory) {
        return new ReasonFiles(dataDirectory.error());
    }

    @BindToRegistry(lazy = true)
    public QuarantineNote quarantineNote(ReasonFiles reasonFiles, Clock clock, FailureLog failures,
                                         @PropertyInject("hub.max-input-bytes") long maxPayloadBytes) {
        return new QuarantineNote(reasonFiles, clock, failures, maxPayloadBytes);
    }

    /** The inbox consumer's filter: regular files only; links, pipes and devices quarantined unopened. */
    @BindToRegistry(lazy = true)
    public InboxEntries inboxEntries(ArchiveNaming archiveNaming, ReasonFiles reasonFiles, FailureLog failures, Clock clock) {
        return new InboxEntries(new OddFileQuarantine(archiveNaming, reasonFiles, failures, clock, "inbox-files"));
    }

    @BindToRegistry(lazy = true)
    public EmptyFiles emptyFiles() {
        return new EmptyFiles();
    }

    /** Durable memory of inbox file contents already processed, in the hub store. */
    @BindToRegistry(lazy = true)
    public JdbcMessageIdRepository inboxFileRepository(@BeanInject("hubStore") DataSource hubStore) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(hubStore, "inbox-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /** Inbox files by their stamp (name, size, time), apart from their contents' memory: see SameFileRecognition. */
    @BindToRegistry(lazy = true)
    public SameFileRecognition sameFileRecognition(@BeanInject("hubStore") DataSource hubStore) {
        JdbcMessageIdRepository stamps = new JdbcMessageIdRepository(hubStore, "inbox-file-stamps");
        stamps.setCreateTableIfNotExists(false);
        ServiceHelper.startService(stamps); // no EIP starts it, as the idempotent consumer does its own
        return new SameFileRecognition(stamps);
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
