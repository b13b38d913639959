package org.backofficehub.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.backofficehub.accounting.TaxRules;

/** The tax rules config/application.properties ships: a German seller, 19 %, the EU's member states, no country rates. */
public final class TestTaxRules {

    public static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
            "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    public static final String OUR_VAT_ID = "DE999999999";
    public static final TaxRules GERMANY = new TaxRules("DE", new BigDecimal("0.19"), EU, OUR_VAT_ID, Map.of());

    private TestTaxRules() {
    }
}
