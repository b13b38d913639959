package org.backofficehub.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.support.TestTaxRules;
import org.junit.jupiter.api.Test;

/** The README's tax rules, case by case, for a German seller (hub.tax.* as config/application.properties ships them). */
class TaxRulesTest {

    private final TaxRules rules = TestTaxRules.GERMANY;

    private static Order order(String buyerCountry, String buyerVatId, String shipToCountry) {
        Party buyer = new Party("Buyer", null, null, new Address("Street 1", "City", "1000", buyerCountry), null, buyerVatId);
        Party shipTo = shipToCountry == null ? null : new Party("Goods in", null, null, new Address("Dock 2", "Port", "2000", shipToCountry));
        return new Order("WEBSTORE", "T-1", LocalDate.of(2026, 11, 23), "EUR", buyer, shipTo,
                List.of(new OrderLine(1, "SKU-1001", null, new BigDecimal("3"), new BigDecimal("33.33"))));
    }

    @Test
    void goodsStayingInGermanyCarryTheDomesticRateBusinessBuyerOrNot() {
        assertThat(rules.treatment(order("DE", null, null))).satisfies(tax -> {
            assertThat(tax.category()).isEqualTo(TaxCategory.STANDARD);
            assertThat(tax.rate()).isEqualByComparingTo("0.19");
            assertThat(tax.taxOn(new BigDecimal("99.99"))).isEqualByComparingTo("19.00"); // 18.9981, rounded once
        });
        assertThat(rules.treatment(order("DE", "DE123456789", null)).category()).isEqualTo(TaxCategory.STANDARD);
        assertThat(rules.treatment(order("AT", "ATU12345678", "DE")).category())
                .as("an Austrian business's goods delivered in Germany stay here").isEqualTo(TaxCategory.STANDARD);
    }

    @Test
    void goodsToAnotherMemberStateForABusinessWithItsVatIdAreAnIntraCommunitySupplyStatingBothIds() {
        TaxTreatment tax = rules.treatment(order("FR", "fr 12.345 678 901", null));

        assertThat(tax.category()).isEqualTo(TaxCategory.INTRA_COMMUNITY);
        assertThat(tax.category().code()).isEqualTo("K");
        assertThat(tax.rate()).isZero();
        assertThat(tax.buyerVatId()).isEqualTo("FR12345678901");
        assertThat(tax.sellerVatId()).isEqualTo("DE999999999");
        assertThat(tax.category().exemptionReason()).contains("Article 138").contains("reverse charge");
        assertThat(rules.treatment(order("DE", "ATU12345678", "AT")).category()).as("ship-to decides where the goods go")
                .isEqualTo(TaxCategory.INTRA_COMMUNITY);
        assertThat(rules.treatment(order("GR", "EL123456789", null)).category()).as("Greece's VAT ids say EL")
                .isEqualTo(TaxCategory.INTRA_COMMUNITY);
    }

    @Test
    void anEuConsumerOrABuyerWithoutAValidForeignVatIdPaysTheDomesticRateOrTheDestinationsWhereConfigured() {
        assertThat(rules.treatment(order("FR", null, null))).satisfies(tax -> {
            assertThat(tax.category()).isEqualTo(TaxCategory.STANDARD);
            assertThat(tax.rate()).isEqualByComparingTo("0.19");
        });
        assertThat(rules.treatment(order("FR", "DE123456789", null)).category()).as("a German VAT id is no foreign business")
                .isEqualTo(TaxCategory.STANDARD);
        assertThat(rules.treatment(order("FR", "12345", null)).category()).as("not a VAT id").isEqualTo(TaxCategory.STANDARD);

        TaxRules oss = new TaxRules("DE", new BigDecimal("0.19"), TestTaxRules.EU, TestTaxRules.OUR_VAT_ID, Map.of("FR", new BigDecimal("0.20")));
        assertThat(oss.treatment(order("FR", null, null)).rate()).isEqualByComparingTo("0.20");
        assertThat(oss.treatment(order("FR", "FR12345678901", null)).category()).isEqualTo(TaxCategory.INTRA_COMMUNITY);
    }

    @Test
    void withoutOurOwnVatIdNoSupplyIsTaxFreeAsIntraCommunity() {
        TaxRules noVatId = new TaxRules("DE", new BigDecimal("0.19"), TestTaxRules.EU, " ", Map.of());

        assertThat(noVatId.treatment(order("FR", "FR12345678901", null)).category()).isEqualTo(TaxCategory.STANDARD);
    }

    @Test
    void goodsLeavingTheEuAreAnExportWithoutVatUnlessATaxIsConfiguredForTheCountry() {
        TaxTreatment us = rules.treatment(order("US", null, null));
        assertThat(us.category()).isEqualTo(TaxCategory.EXPORT);
        assertThat(us.category().code()).isEqualTo("G");
        assertThat(us.rate()).isZero();
        assertThat(rules.treatment(order("DE", null, "CH")).category()).isEqualTo(TaxCategory.EXPORT);

        TaxRules salesTax = new TaxRules("DE", new BigDecimal("0.19"), TestTaxRules.EU, TestTaxRules.OUR_VAT_ID,
                Map.of("US", new BigDecimal("0.0725")));
        assertThat(salesTax.treatment(order("US", null, null))).satisfies(tax -> {
            assertThat(tax.category()).isEqualTo(TaxCategory.STANDARD);
            assertThat(tax.percent().toPlainString()).isEqualTo("7.25");
        });
    }

    @Test
    void anOrderNamingNoCountryIsDomestic() {
        Order noCountry = new Order("WEBSTORE", "T-2", LocalDate.of(2026, 11, 23), "EUR", new Party("Buyer", null, null, null), null, List.of());
        assertThat(rules.treatment(noCountry).category()).isEqualTo(TaxCategory.STANDARD);
        assertThat(rules.treatment(noCountry).percent().toPlainString()).isEqualTo("19");
    }

    @Test
    void aHomeCountryOutsideItsOwnEuListOrWithACountryRateIsAConfigurationError() {
        assertThatThrownBy(() -> new TaxRules("CH", new BigDecimal("0.081"), TestTaxRules.EU, null, Map.of()))
                .hasMessageContaining("CH");
        assertThatThrownBy(() -> new TaxRules("DE", new BigDecimal("0.19"), TestTaxRules.EU, null, Map.of("DE", BigDecimal.ONE)))
                .hasMessageContaining("domestic");
    }
}
