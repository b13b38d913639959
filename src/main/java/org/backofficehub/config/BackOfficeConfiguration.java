package org.backofficehub.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.Route;
import org.backofficehub.erp.ConfirmationFiles;
import org.backofficehub.erp.OrderFileRecords;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.erp.ErpStatement;
import org.backofficehub.backoffice.ErpConfirmations;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.backofficehub.accounting.ChartOfAccounts;
import org.backofficehub.accounting.InvoiceCalculation;
import org.backofficehub.accounting.InvoiceNumbers;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.accounting.JournalClosing;
import org.backofficehub.accounting.TaxRules;
import org.backofficehub.accounting.xml.InvoiceXml;
import org.backofficehub.backoffice.AccountingDocuments;
import org.backofficehub.backoffice.CallbackSignature;
import org.backofficehub.backoffice.ContactHistory;
import org.backofficehub.backoffice.ContactOrigins;
import org.backofficehub.backoffice.Invoices;
import org.backofficehub.backoffice.NoticeCalls;
import org.backofficehub.backoffice.Notices;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.backoffice.OrderFollowUp;
import org.backofficehub.backoffice.PartnerDocuments;
import org.backofficehub.backoffice.ShipmentFailure;
import org.backofficehub.backoffice.ShipmentIntake;
import org.backofficehub.batch.DrainRuns;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.customer.OrderContacts;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpStock;
import org.backofficehub.observe.OutboundMessagesGauge;
import org.backofficehub.observe.WorkQueuesGauge;
import org.backofficehub.outbound.OutboundDeliveries;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.outbound.RetryPolicy;
import org.backofficehub.store.FailureLog;

/** What follows a booking: invoices and ledger, accounting documents and journals, web-store notices, partners' documents, shipments. */
public class BackOfficeConfiguration implements CamelConfiguration {

    /** Amounts and quantities in notices exactly as booked: 390.90, 5000; never 390.9 or 5E+3. */
    @BindToRegistry(lazy = true)
    public ObjectMapper noticeJson() {
        return new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @BindToRegistry(lazy = true)
    public OutboundMessages outboundMessages(@BeanInject("hubStore") DataSource hubStore, Clock clock) {
        return new OutboundMessages(hubStore, clock);
    }

    @BindToRegistry(lazy = true)
    public OrderEvents orderEvents(@BeanInject("hubStore") DataSource hubStore, @BeanInject("canonicalJson") ObjectMapper canonicalJson,
                                   Clock clock) {
        return new OrderEvents(hubStore, canonicalJson, clock);
    }

    @BindToRegistry(lazy = true)
    public OrderFollowUp orderFollowUp(@BeanInject("hubStore") DataSource hubStore, OrderEvents events, OutboundMessages outbound,
                                       CustomerFeed customers, FailureLog failures, @BeanInject("canonicalJson") ObjectMapper canonicalJson,
                                       DrainWindow drains) {
        return new OrderFollowUp(hubStore, events, outbound, customers, failures, canonicalJson, drains::isOpen);
    }

    @BindToRegistry(lazy = true)
    public Invoices invoices(Clock clock, TaxRules taxRules, @PropertyInject("hub.accounting.invoice-prefix") String invoicePrefix,
                             @PropertyInject("hub.accounting.invoice-digits") int invoiceDigits,
                             @PropertyInject("hub.accounting.time-zone") String timeZone,
                             @PropertyInject("hub.accounting.accounts.receivables") String receivables,
                             @PropertyInject("hub.accounting.accounts.revenue") String revenue,
                             @PropertyInject("hub.accounting.accounts.output-tax") String outputTax) {
        return new Invoices(new Invoicing(new InvoiceNumbers(invoicePrefix.trim(), invoiceDigits),
                new InvoiceCalculation(taxRules), new ChartOfAccounts(receivables.trim(), revenue.trim(),
                outputTax.trim()), ZoneId.of(timeZone.trim()), clock));
    }

    /** Which VAT each invoice carries (README "Tax rules"). */
    @BindToRegistry(lazy = true)
    public TaxRules taxRules(CamelContext camel, @PropertyInject("hub.tax.home-country") String homeCountry,
                             @PropertyInject("hub.tax.domestic-rate") String domesticRate,
                             @PropertyInject("hub.tax.eu-countries") String euCountries,
                             @PropertyInject("hub.tax.vat-id") String vatId,
                             @PropertyInject(value = "hub.tax.country-rates", defaultValue = "") String countryRates) {
        // The one rate of before, now the domestic one: a setting still made under the old name would be ignored silently.
        camel.getPropertiesComponent().resolveProperty("hub.accounting.tax-rate").ifPresent(old -> {
            throw new IllegalStateException("hub.accounting.tax-rate (" + old + ") is now hub.tax.domestic-rate, beside the other tax"
                    + " rules (README, \"Tax rules\"): set that instead");
        });
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (String entry : countryRates.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] countryAndRate = entry.trim().split("\\s*:\\s*");
            if (countryAndRate.length != 2 || !countryAndRate[0].matches("[A-Za-z]{2}")) {
                throw new IllegalStateException("hub.tax.country-rates: '" + entry.trim() + "' is not COUNTRY:RATE, such as FR:0.20");
            }
            rates.put(countryAndRate[0].toUpperCase(Locale.ROOT), new BigDecimal(countryAndRate[1]));
        }
        Set<String> eu = new LinkedHashSet<>();
        for (String country : euCountries.split(",")) {
            if (!country.isBlank()) {
                eu.add(country.trim().toUpperCase(Locale.ROOT));
            }
        }
        return new TaxRules(homeCountry, new BigDecimal(domesticRate.trim()), eu, vatId, rates);
    }

    @BindToRegistry(lazy = true)
    public AccountingDocuments accountingDocuments() {
        return new AccountingDocuments(new InvoiceXml());
    }

    @BindToRegistry(lazy = true)
    public Notices notices(@BeanInject("noticeJson") ObjectMapper noticeJson, Clock clock,
                           @PropertyInject("hub.webstore.callback-url") String callbackUrl) {
        return new Notices(noticeJson, clock, !callbackUrl.isBlank());
    }

    @BindToRegistry(lazy = true)
    public PartnerDocuments partnerDocuments(PartnerProfiles partners, OutboundDocuments documents,
                                             @BeanInject("objectMapper") ObjectMapper json) {
        return new PartnerDocuments(partners, documents, json);
    }

    @BindToRegistry(lazy = true)
    public ContactHistory contactHistory(PartnerProfiles partners, Clock clock, org.backofficehub.shop.ShopProfiles shops) {
        return new ContactHistory(new OrderContacts(new ContactOrigins(partners, shops), clock));
    }

    @BindToRegistry(lazy = true)
    public OutboundDeliveries outboundDeliveries(OutboundMessages outbound, FailureLog failures, DrainRuns runs,
                                                 @PropertyInject("hub.outbound.max-attempts") int maxAttempts,
                                                 @PropertyInject("hub.outbound.retry-delay-ms") long retryDelayMillis,
                                                 @PropertyInject("hub.outbound.max-retry-delay-ms") long maxRetryDelayMillis) {
        return new OutboundDeliveries(outbound, failures,
                new RetryPolicy(maxAttempts, Duration.ofMillis(retryDelayMillis), Duration.ofMillis(maxRetryDelayMillis)), runs);
    }

    @BindToRegistry(lazy = true)
    public NoticeCalls noticeCalls(OutboundMessages outbound, @BeanInject("erpDataSource") DataSource erp, ErpProfile erpProfile,
                                   @BeanInject("noticeJson") ObjectMapper noticeJson) {
        return new NoticeCalls(outbound, new ErpStock(erp, erpProfile), noticeJson);
    }

    @BindToRegistry(lazy = true)
    public CallbackSignature callbackSignature(@PropertyInject("hub.webstore.callback-url") String callbackUrl,
                                               @PropertyInject("hub.webstore.callback-secret") String secret) {
        CallbackSignature signature = new CallbackSignature(secret.trim());
        if (!callbackUrl.isBlank() && !signature.signs()) {
            org.slf4j.LoggerFactory.getLogger(CallbackSignature.class).warn("Callbacks to {} go unsigned: set"
                    + " hub.webstore.callback-secret (HUB_WEBSTORE_CALLBACK_SECRET) so the web store can check they are the hub's", callbackUrl);
        }
        return signature;
    }

    @BindToRegistry(lazy = true)
    public JournalClosing journalClosing(@BeanInject("hubStore") DataSource hubStore, OutboundMessages outbound, Clock clock) {
        return new JournalClosing(hubStore, outbound, clock);
    }

    @BindToRegistry(lazy = true)
    public ErpConfirmations erpConfirmations(@BeanInject("hubStore") DataSource hubStore, ErpOrderReader erpOrders,
                                             OrderFileRecords orderFiles, ErpProfile erpProfile, OrderEvents events, Clock clock) {
        return new ErpConfirmations(hubStore, erpOrders, orderFiles, erpProfile, events, clock);
    }

    /** The confirmation files of an ERP that imports files, as its profile declares them. */
    @BindToRegistry(lazy = true)
    public ConfirmationFiles erpConfirmationFiles(ErpProfile erpProfile) {
        return new ConfirmationFiles(erpProfile);
    }

    @BindToRegistry(lazy = true)
    public ShipmentIntake shipmentIntake(@BeanInject("hubStore") DataSource hubStore, ErpOrderReader erpOrders, OrderEvents events,
                                         Clock clock) {
        return new ShipmentIntake(hubStore, erpOrders, events, clock);
    }

    @BindToRegistry(lazy = true)
    public ShipmentFailure shipmentFailure(FailureLog failures, @BeanInject("objectMapper") ObjectMapper json) {
        return new ShipmentFailure(failures, json);
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        FullyStarted.then(camel, context -> {
            var registry = context.getRegistry();
            // Only an ERP that numbers orders after they are booked has outcomes to take: rows to poll, or files to read.
            ErpProfile erpProfile = registry.findSingleByType(ErpProfile.class);
            if (erpProfile.has(ErpStatement.CONFIRMATIONS_POLL)) {
                TemplatedRouteBuilder.builder(context, "erp-confirmations-poll").routeId("erp-confirmations").add();
            }
            if (erpProfile.connector() == ErpProfile.Connector.FILE) {
                TemplatedRouteBuilder.builder(context, "erp-confirmation-files").routeId("erp-confirmation-files").add();
            }
            WorkQueuesGauge.register(context, registry.findSingleByType(OrderEvents.class), registry.findSingleByType(CustomerFeed.class));
            // The delivery routes are those of the delivery template (group "deliveries").
            List<String> deliveryRoutes = context.getRoutes().stream().filter(route -> "deliveries".equals(route.getGroup()))
                    .map(Route::getRouteId).sorted().toList();
            OutboundMessagesGauge.register(context, registry.findSingleByType(OutboundMessages.class), deliveryRoutes);
        });
    }
}
