package org.backofficehub.edi.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.backofficehub.accounting.ChartOfAccounts;
import org.backofficehub.accounting.InvoiceCalculation;
import org.backofficehub.accounting.InvoiceNumbers;
import org.backofficehub.accounting.InvoiceRecords;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.model.Address;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.support.DemoErp;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestTaxRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's INVOIC is accounting's invoice (its number, tax and totals) with the ERP's lines, once
 * per order: on H2 with the real booking, invoicing and writer, for an intra-community supply.
 */
class PartnerInvoiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private HikariDataSource hubStore;
    private HikariDataSource erp;
    private OutboundDocuments documents;

    @BeforeEach
    void open() {
        hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");
        erp = TestDatabase.H2.newMigratedDataSource("erp", "db/erp");
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", key -> null);
        documents = new OutboundDocuments(profiles, DemoErp.reader(erp), new InvoiceRecords(hubStore, CLOCK),
                new Outbox(new DataDirectory(data)), new StoredControlNumbers(hubStore), new InterchangeRegistry(hubStore, CLOCK), CLOCK);
    }

    @AfterEach
    void close() {
        hubStore.close();
        erp.close();
    }

    /** A French business's order from the partner Nordwind, goods delivered in Lyon. */
    private static Order frenchBusinessOrder() {
        Party buyer = new Party("Torréfaction Lyonnaise SARL", null, null, new Address("1 Quai Rambaud", "Lyon", "69002", "FR"), null,
                "FR 40 303 265 045");
        return new Order("NORDWIND", "NW-PO-FR-1", LocalDate.of(2026, 11, 20), "EUR", buyer, null, List.of(
                new OrderLine(1, "SKU-1001", null, new BigDecimal("7"), new BigDecimal("6.50")),
                new OrderLine(2, "SKU-2001", null, new BigDecimal("1.250"), new BigDecimal("18.40"))));
    }

    @Test
    void anOrderNotInvoicedYetIsRefusedThenItsInvoiceGoesOnceAsOriginalAndAfterThatAsADuplicateUnderItsNumber() throws Exception {
        Order order = frenchBusinessOrder();
        String erpNumber = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), CLOCK), DemoErp.writer(erp))
                .book(order).erpOrderNumber();

        assertThatThrownBy(() -> documents.send("NORDWIND", "NW-PO-FR-1", OutboundDocuments.Kind.INVOICE))
                .isInstanceOfSatisfying(InputRejectedException.class, refused -> {
                    assertThat(refused.type()).isEqualTo(ProblemType.NOT_INVOICED);
                    assertThat(refused.type().httpStatus()).isEqualTo(409);
                });

        Invoicing invoicing = new Invoicing(new InvoiceNumbers("INV-{yyyy}-", 6), new InvoiceCalculation(TestTaxRules.GERMANY),
                new ChartOfAccounts("1400", "8400", "1776"), ZoneOffset.UTC, CLOCK);
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            invoicing.invoice(connection, List.of(new Invoicing.BookedOrder(order, erpNumber)));
            connection.commit();
        }
        OutboundDocuments.Sent original = documents.send("NORDWIND", "NW-PO-FR-1", OutboundDocuments.Kind.INVOICE);
        OutboundDocuments.Sent again = documents.send("NORDWIND", "NW-PO-FR-1", OutboundDocuments.Kind.INVOICE);

        assertThat(original.invoiceNumber()).isEqualTo("INV-2026-000001").isEqualTo(again.invoiceNumber());
        assertThat(original.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        String invoic = Files.readString(original.file(), StandardCharsets.ISO_8859_1);
        // 7 x 6.50 + 1.25 x 18.40 = 45.50 + 23.00 = 68.50, an intra-community supply: no VAT, both VAT ids, the reason.
        assertThat(invoic).contains("BGM+380+INV-2026-000001+9'")
                .contains("FTX+TXD+++Intra-community supply of goods, exempt (Article 138 Directive:2006/112/EC)?: VAT reverse charge, the buyer accounts for the VAT'")
                .contains("NAD+BY+++Torréfaction Lyonnaise SARL+1 Quai Rambaud+Lyon++69002+FR'\nRFF+VA:FR40303265045'")
                .contains("NAD+SU+5790000000004::9'\nRFF+VA:DE999999999'")
                .contains("TAX+7+VAT+++:::0+K'")
                .contains("MOA+203:45.50'").contains("MOA+203:23.00'")
                .contains("MOA+79:68.50'\nMOA+125:68.50'\nMOA+124:0.00'\nMOA+77:68.50'");
        assertThat(Files.readString(again.file(), StandardCharsets.ISO_8859_1)).contains("BGM+380+INV-2026-000001+7'");
    }
}
