package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.backofficehub.support.DemoErp;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partners' item numbers resolved against the demo ERP's catalogue (db/erp migrations), on H2 and
 * on a real PostgreSQL server: supplier's number, then GTIN, then the partner's cross-reference;
 * list prices where none was sent; units checked; what cannot be settled refused with the line named.
 */
class ItemCatalogueTest {

    private HikariDataSource erp;

    @AfterEach
    void close() {
        erp.close();
    }

    private ItemCatalogue open(TestDatabase database) {
        erp = database.newMigratedDataSource("erp", "db/erp");
        return DemoErp.catalogue(erp, "USD");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void itemsAreFoundBySupplierNumberThenGtinThenTheBuyersNumber(TestDatabase database) {
        ItemCatalogue catalogue = open(database);
        Order order = order("PO-1",
                line(1, null, "EA", null, ItemIdentifier.fromX12("UP", "012345678905")),
                line(2, null, null, "9.99", ItemIdentifier.fromX12("IN", "AC-BEANS-1")),
                // The buyer's SKU first, the vendor's number after it: the vendor's number decides.
                line(3, null, null, null, ItemIdentifier.fromX12("SK", "46234"), ItemIdentifier.fromX12("VN", "SKU-3001")),
                line(4, null, null, null, ItemIdentifier.fromEdifact("SRV", "4006381333931")));

        ResolvedOrders resolved = catalogue.resolve(List.of(order), "ACME");

        assertThat(resolved.refused()).isEmpty();
        List<OrderLine> lines = resolved.bookable().get(0).lines();
        assertThat(lines).extracting(OrderLine::sku).containsExactly("SKU-1002", "SKU-2001", "SKU-3001", "SKU-1001");
        // No price sent: the list price, reported back in the order response; a sent price stands.
        assertThat(lines).extracting(OrderLine::unitPrice)
                .containsExactly(new BigDecimal("7.90"), new BigDecimal("9.99"), new BigDecimal("129.00"), new BigDecimal("6.50"));
        assertThat(lines.get(0).itemIds()).as("the partner's identifiers kept for the response")
                .containsExactly(ItemIdentifier.fromX12("UP", "012345678905"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPartnersSupplierNumberWithAPriceIsLookedUpLikeAnyOtherAndGivesWayToItsGtin(TestDatabase database) {
        ItemCatalogue catalogue = open(database);
        // As Brodart's orders from Evergreen come: a price, no unit, and an SA that is no item of ours, beside the GTIN that is.
        Order order = order("PO-7", line(1, "81", null, "4.00", ItemIdentifier.fromEdifact("SA", "81"),
                ItemIdentifier.fromEdifact("EN", "4006381333931")));

        // Baker & Taylor's line 47 names its item 'PIA+1+655258IN', without a qualifier: the supplier's number, unknown here.
        Order unqualified = order("PO-8", line(1, "655258IN", null, "11.99", ItemIdentifier.fromEdifact("", "655258IN")));

        ResolvedOrders resolved = catalogue.resolve(List.of(order, unqualified), "BRODART");

        assertThat(resolved.bookable()).singleElement().satisfies(booked ->
                assertThat(booked.lines()).extracting(OrderLine::sku).containsExactly("SKU-1001"));
        assertThat(resolved.refused()).singleElement().satisfies(answer -> assertThat(answer.refusal().getMessage())
                .isEqualTo("line 1: no item in the catalogue for 655258IN"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOrderItCannotSettleIsRefusedNamingEachLine(TestDatabase database) {
        ItemCatalogue catalogue = open(database);
        Order unknown = order("PO-2", line(1, null, null, "1.00", ItemIdentifier.fromEdifact("SRV", "4000862141404")),
                line(2, null, null, "1.00", ItemIdentifier.fromX12("IN", "AC-CUP-W")));
        Order wrongUnit = order("PO-3", line(1, null, "CS", "1.00", ItemIdentifier.fromX12("VP", "SKU-1001")));
        Order byWeight = order("PO-4", line(1, null, "KGM", null, ItemIdentifier.fromX12("VP", "SKU-2001")));

        ResolvedOrders resolved = catalogue.resolve(List.of(unknown, wrongUnit, byWeight), "NORDWIND");

        assertThat(resolved.bookable()).extracting(Order::orderId).containsExactly("PO-4");
        assertThat(resolved.refused()).hasSize(2);
        assertThat(resolved.refused().get(0).refusal().type()).isEqualTo(ProblemType.UNKNOWN_SKU);
        // AC-CUP-W is ACME's number for SKU-1001, not NORDWIND's.
        assertThat(resolved.refused().get(0).refusal().getMessage())
                .isEqualTo("line 1: no item in the catalogue for SRV 4000862141404; line 2: no item in the catalogue for IN AC-CUP-W");
        assertThat(resolved.refused().get(1).refusal().type()).isEqualTo(ProblemType.UNIT_NOT_SOLD);
        assertThat(resolved.refused().get(1).refusal().getMessage()).isEqualTo("line 1: ordered in CS, item SKU-1001 is sold in PCE");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aListPriceIsNotTakenForAnOrderInAnotherCurrency(TestDatabase database) {
        ItemCatalogue catalogue = open(database);
        Order inEuro = new Order("ACME", "PO-6", LocalDate.of(2026, 12, 1), "EUR", new Party("Acme", null, null, null), null,
                List.of(line(1, null, null, null, ItemIdentifier.fromX12("VP", "SKU-1001")),
                        line(2, null, null, "5.00", ItemIdentifier.fromX12("VP", "SKU-1002"))));

        ResolvedOrders resolved = catalogue.resolve(List.of(inEuro), "ACME");

        assertThat(resolved.refused()).singleElement().satisfies(answer -> assertThat(answer.refusal().getMessage())
                .isEqualTo("line 1 sends no price, and the list price of SKU-1001 is in USD, not the order's EUR"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOrderWithoutCurrencyOrQuantityIsIncomplete(TestDatabase database) {
        ItemCatalogue catalogue = open(database);
        Order order = new Order("ACME", "PO-5", LocalDate.of(2026, 12, 1), null, new Party("Acme", null, null, null),
                null, List.of(new OrderLine(1, null, null, null, null, null, List.of(ItemIdentifier.fromX12("VP", "SKU-1001")))));

        ResolvedOrders resolved = catalogue.resolve(List.of(order), "ACME");

        assertThat(resolved.refused()).singleElement().satisfies(answer -> {
            assertThat(answer.refusal().type()).isEqualTo(ProblemType.ORDER_INCOMPLETE);
            assertThat(answer.refusal().getMessage()).contains("names no currency").contains("line 1 orders no quantity");
        });
    }

    private static Order order(String id, OrderLine... lines) {
        return new Order("ACME", id, LocalDate.of(2026, 12, 1), "USD", new Party("Acme", null, null, null), null, List.of(lines));
    }

    private static OrderLine line(int number, String sku, String unit, String price, ItemIdentifier... ids) {
        return new OrderLine(number, sku, null, BigDecimal.TEN, unit, price == null ? null : new BigDecimal(price), List.of(ids));
    }
}
