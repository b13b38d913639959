package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Segment;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The translators on orders shaped as real partners send them (retail 850s, EANCOM ORDERS): what
 * they leave out is no translation error, and what they carry is read, not dropped.
 */
class RealWorldOrderReadingTest {

    private static final Party PARTNER = new Party("Acme Retail", null, null, null,
            new PartyIdentifier(PartyIdentifier.Scheme.MUTUALLY_DEFINED, "ACME"));
    private static final OrderContext CONTEXT = new OrderContext("ACME", PARTNER, OrderContext.DEFAULT_BUYER_FROM,
            LocalDate.of(2026, 12, 3), "USD");

    @Test
    void aRetail850WithoutBuyerOrPricesIsReadWithEveryIdentifierAndUnit() {
        Order order = new X12PurchaseOrderTranslator().translate(CONTEXT, x12("""
                BEG*00*SA*4500012345-RETAIL-REPLENISH**20261201~
                PER*BD*Pat Buyer*TE*555-0100*EM*pat@retail.example~
                N1*BT*Retail Corp Accounts Payable*15*1234567~
                N2*Attn Invoices~
                N3*100 Main St~
                N4*Springfield*IL*62701*US~
                N1*ST*Store 42*92*0042~
                N4*Joliet*IL*60431~
                PO1*1*10*CA**CP*UP*012345678905*SK*46234*VN*MT644~
                PID*F****Cappuccino cup~
                PO1*A2*3*EA*12.5**IN*AC-CUP-W~
                CTT*2~"""));

        assertThat(order.orderId()).isEqualTo("4500012345-RETAIL-REPLENISH");
        assertThat(order.currency()).as("from the partner's profile").isEqualTo("USD");
        // No N1*BY: the bill-to is the buyer, and the header PER*BD before it is the buyer's contact.
        assertThat(order.buyer().name()).isEqualTo("Retail Corp Accounts Payable Attn Invoices");
        assertThat(order.buyer().identifier()).isEqualTo(new PartyIdentifier(PartyIdentifier.Scheme.SAN, "1234567"));
        assertThat(order.buyer().address().region()).isEqualTo("IL");
        assertThat(order.shipTo().identifier()).isEqualTo(new PartyIdentifier(PartyIdentifier.Scheme.BUYER_ASSIGNED, "0042"));
        OrderLine first = order.lines().get(0);
        assertThat(first.sku()).as("the vendor's number, not the buyer's SKU that comes first").isEqualTo("MT644");
        assertThat(first.unit()).as("a case, never silently each").isEqualTo("CS");
        assertThat(first.unitPrice()).isNull();
        assertThat(first.itemIds()).extracting(ItemIdentifier::kind).containsExactly(
                ItemIdentifier.Kind.GTIN, ItemIdentifier.Kind.BUYER, ItemIdentifier.Kind.SUPPLIER);
        assertThat(first.description()).isEqualTo("Cappuccino cup");
        OrderLine second = order.lines().get(1);
        assertThat(second.lineNumber()).as("an alphanumeric line id numbered by position").isEqualTo(2);
        assertThat(second.sku()).isNull();
        assertThat(second.itemIds()).containsExactly(new ItemIdentifier(ItemIdentifier.Kind.BUYER, "IN", "AC-CUP-W"));
        assertThat(second.unitPrice()).isEqualByComparingTo("12.50");
    }

    @Test
    void pricesPerHundredDatesOfVersion3AndNamelessPartiesAreReadAsMeant() {
        Order order = new X12PurchaseOrderTranslator().translate(CONTEXT, x12("""
                BEG*00*SA*PO-78**261201~
                N1*BY**92*1234~
                N1*VN*Vendor Inc~
                PER*IC*Vendor Desk*TE*555-0199~
                PO1*1*2*EA*650*HP*VP*SKU-1001~
                PO1*2*1*EA**NC*VP*SKU-1002~"""));

        assertThat(order.orderDate()).as("YYMMDD, as 003xxx writes BEG05").isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(order.buyer().name()).as("named by its id").isEqualTo("1234");
        assertThat(order.buyer().phone()).as("the vendor's contact is not the buyer's").isNull();
        assertThat(order.lines().get(0).unitPrice()).as("650 per hundred").isEqualByComparingTo("6.50");
        assertThat(order.lines().get(1).unitPrice()).as("no charge").isEqualByComparingTo("0");
    }

    @Test
    void aCancellationOrReplacementIsNotANewOrder() {
        assertThatThrownBy(() -> new X12PurchaseOrderTranslator().translate(CONTEXT, x12("""
                BEG*01*SA*PO-79**20261201~
                PO1*1*1*EA*1**VP*SKU-1001~""")))
                .isInstanceOf(NotANewOrderException.class).hasMessageContaining("a cancellation (BEG01 01)");
        assertThatThrownBy(() -> new EdifactOrdersTranslator().translate(CONTEXT, edifact("""
                BGM+220+ORD-80+5'
                LIN+1++SKU-1001:SA'
                QTY+21:1'""")))
                .isInstanceOf(NotANewOrderException.class).hasMessageContaining("a replacement (BGM 1225 5)");
    }

    @Test
    void withoutBuyerOrBillToThePartnerIsTheBuyer() {
        Order order = new X12PurchaseOrderTranslator().translate(CONTEXT, x12("""
                BEG*00*SA*PO-77**20261201~
                N1*ST*Store 42~
                PO1*1*1*EA*1**VP*SKU-1001~"""));

        assertThat(order.buyer()).isEqualTo(PARTNER);
    }

    @Test
    void anEancomOrderNamingItemsByGtinWithoutPricesIsRead() {
        Order order = new EdifactOrdersTranslator().translate(CONTEXT, edifact("""
                BGM+220+ORD-2026-55+9'
                DTM+137:20261201:102'
                NAD+IV+5412345000013::9++Invoice Party'
                NAD+DP+5412345000020::9++Warehouse+Dock 1+Gent+VOV+9000+BE'
                LIN+1++4006381333931:SRV'
                PIA+1+AC-77:IN'
                IMD+F++:::Espresso cup'
                QTY+21:48:PCE'
                LIN+2++4006381333948:EN'
                QTY+21:12.5:KGM'
                PRI+AAB:20.00'
                PRI+AAA:18.40'
                UNS+S'"""));

        assertThat(order.buyer().name()).as("the invoicee, no NAD+BY").isEqualTo("Invoice Party");
        assertThat(order.buyer().identifier()).isEqualTo(new PartyIdentifier(PartyIdentifier.Scheme.GLN, "5412345000013"));
        assertThat(order.shipTo().address().region()).isEqualTo("VOV");
        assertThat(order.currency()).isEqualTo("USD");
        OrderLine first = order.lines().get(0);
        assertThat(first.sku()).isNull();
        assertThat(first.itemIds()).containsExactly(new ItemIdentifier(ItemIdentifier.Kind.GTIN, "SRV", "4006381333931"),
                new ItemIdentifier(ItemIdentifier.Kind.BUYER, "IN", "AC-77"));
        assertThat(first.itemIds().get(0).gtin14()).isEqualTo("04006381333931");
        assertThat(first.unit()).isEqualTo("PCE");
        assertThat(first.unitPrice()).isNull();
        assertThat(order.lines().get(1).unitPrice()).as("the net price, not the gross before it").isEqualByComparingTo(new BigDecimal("18.40"));
        assertThat(order.lines().get(1).unit()).isEqualTo("KGM");
    }

    @Test
    void aDiscreteQuantityStandsForTheOrderedQuantityOnlyWhenThereIsNone() {
        Order order = new EdifactOrdersTranslator().translate(CONTEXT, edifact("""
                BGM+220+BKOD99+9'
                DTM+137:20261201:102'
                LIN+1+1+0764569104:IB'
                QTY+1:25'
                LIN+2+1+0764569090:IB'
                QTY+21:10'
                QTY+1:3'
                LIN+3+1+1861004656:IB'
                QTY+1:3'
                QTY+21:16'
                UNS+S'"""));

        assertThat(order.lines()).extracting(OrderLine::quantity)
                .containsExactly(new BigDecimal("25"), new BigDecimal("10"), new BigDecimal("16"));
    }

    @Test
    void aBookIsDescribedByItsTitleAndTextsCutAt35CharactersAreReadWhole() {
        // As Evergreen writes to Baker & Taylor and Brodart: author first, title after; titles cut at 35 characters.
        Order order = new EdifactOrdersTranslator().translate(CONTEXT, edifact("""
                BGM+220+E071124PB+9'
                NAD+BY+4399902033213::9++OBI 029 PLZEN II. OBI CESKA REPUBLI:KA S.R.O+SUKOVA 886/21:Budova B+PLZEN++301 00+CZ'
                CUX+2:usd:9'
                LIN+1++9780345487629:EN'
                IMD+F+BAU+:::Hunter, Jillian'
                IMD+F+BTI+:::Harry Potter and the Chamber of Sec:rets / J.K. Rowling'
                QTY+21:8'
                LIN+2++4047943035214:EN'
                IMD+F++:::Schokoladenmasse:Vollmilch'
                IMD+F+35+:::Blau'
                QTY+21:2'
                LIN+3++9780440243144:EN'
                IMD+F+BPU+:::Bantam Dell,'
                QTY+21:1'
                UNS+S'"""));

        assertThat(order.lines()).extracting(OrderLine::description).containsExactly(
                "Harry Potter and the Chamber of Secrets / J.K. Rowling", "Schokoladenmasse Vollmilch",
                "Bantam Dell,"); // nothing names the item: the one characteristic given is better than nothing
        assertThat(order.buyer().name()).isEqualTo("OBI 029 PLZEN II. OBI CESKA REPUBLIKA S.R.O");
        assertThat(order.buyer().address().street()).as("C059's second line kept").isEqualTo("SUKOVA 886/21, Budova B");
        assertThat(order.currency()).as("ISO 4217, upper case").isEqualTo("USD");
    }

    @Test
    void aZeroGrossPriceIsNoPriceButAZeroNetPriceIsFree() {
        // Brodart's orders from Evergreen: PRI+AAB:0 where the library has no price estimate.
        Order order = new EdifactOrdersTranslator().translate(CONTEXT, edifact("""
                BGM+220+15+9'
                LIN+81++0743294394:IB'
                QTY+21:4'
                PRI+AAB:0'
                LIN+82++0743294395:IB'
                QTY+21:1'
                PRI+AAA:0'
                UNS+S'"""));

        assertThat(order.lines().get(0).unitPrice()).as("the list price applies").isNull();
        assertThat(order.lines().get(1).unitPrice()).as("a net price of nothing is free").isEqualByComparingTo("0");
    }

    @Test
    void aRetailerWritingCountriesAlpha3AndItsOwnDistributionCentreCodesIsReadAsMeant() {
        // Dunham's Sports via Inovis: N404 USA, the DC named by a code the 850's originator assigned (93).
        Order order = new X12PurchaseOrderTranslator().translate(CONTEXT, x12("""
                BEG*00*SA*00364**20110816~
                N1*BT*Dunham's Sports~
                N4*Waterford*MI*48329*USA~
                N1*ST*DISTRIBUTION CENTER*93*002~
                N4*MARION*IN*46952*USA~
                PO1**1*EA*8.5**IN*9201880*UP*840235000471~
                PID*F*91***M~
                PID*F*08***B-FRESH LS TEE~
                PID*F*75***BLACK~
                CTT*1~"""));

        assertThat(order.buyer().address().country()).isEqualTo("US");
        assertThat(order.shipTo().address().country()).isEqualTo("US");
        assertThat(order.shipTo().identifier()).as("assigned by the buyer, who originated the 850")
                .isEqualTo(new PartyIdentifier(PartyIdentifier.Scheme.BUYER_ASSIGNED, "002"));
        assertThat(order.lines().get(0).description()).as("the product, not its size or colour").isEqualTo("B-FRESH LS TEE");
    }

    private static EdiMessage x12(String body) {
        return message("850", body, "~", "\\*", ":");
    }

    private static EdiMessage edifact(String body) {
        return message("ORDERS", body, "'", "\\+", ":");
    }

    /** Segments as the engines hand them over, from text with one segment per line (no release characters in these). */
    private static EdiMessage message(String type, String body, String terminator, String elementSeparator, String componentSeparator) {
        List<Segment> segments = body.lines().map(String::trim).filter(line -> !line.isEmpty())
                .map(line -> line.endsWith(terminator) ? line.substring(0, line.length() - 1) : line)
                .map(line -> {
                    String[] parts = line.split(elementSeparator, -1);
                    List<List<String>> elements = Arrays.stream(parts, 1, parts.length)
                            .map(element -> List.of(element.split(componentSeparator, -1))).toList();
                    return new Segment(parts[0], elements);
                }).toList();
        return new EdiMessage(type, "0001", "004010", "", segments, List.of());
    }
}
