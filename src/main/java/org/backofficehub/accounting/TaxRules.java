package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.Party;

/**
 * Which VAT an order's invoice carries, by where the goods go (the ship-to's country) and who buys
 * them (the buyer's VAT id), as EU VAT law sets it for a seller of goods in {@code homeCountry}:
 *
 * <ul>
 *   <li>goods staying in the home country: VAT at the domestic rate;</li>
 *   <li>goods to another EU country, for a buyer with a VAT id of another EU country than ours, and
 *       ours configured: an intra-community supply, 0 %, the buyer accounts for the VAT (reverse
 *       charge; the invoice states both VAT ids);</li>
 *   <li>goods to another EU country otherwise (a consumer, or a buyer without a VAT id): the
 *       destination's rate where one is configured (the One-Stop-Shop, once past its threshold),
 *       else the domestic rate;</li>
 *   <li>goods leaving the EU: an export, 0 %, unless a rate is configured for that country (a tax
 *       the business collects there, such as a US sales tax; otherwise out of the hub's scope).</li>
 * </ul>
 *
 * An order that names no country at all is taxed as a domestic one. The rates are configuration
 * ({@code hub.tax.*}), never code: README, "Tax rules".
 */
public final class TaxRules {

    /** Two letters and 2 to 12 characters: every EU member's format, as VIES lists them (Greece's prefix is EL). */
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Z+*]{2,12}");

    private final String homeCountry;
    private final BigDecimal domesticRate;
    private final Set<String> euCountries;
    private final String sellerVatId;
    private final Map<String, BigDecimal> countryRates;

    /**
     * @param sellerVatId  ours; without it no supply can be made tax-free as intra-community (the
     *                     invoice must state it), so EU buyers then pay the domestic or destination rate
     * @param countryRates destination rates by ISO country, for ship-to countries other than home
     */
    public TaxRules(String homeCountry, BigDecimal domesticRate, Set<String> euCountries, String sellerVatId,
                    Map<String, BigDecimal> countryRates) {
        this.homeCountry = homeCountry.trim().toUpperCase(Locale.ROOT);
        this.domesticRate = domesticRate;
        this.euCountries = Set.copyOf(euCountries);
        this.sellerVatId = sellerVatId == null || sellerVatId.isBlank() ? null
                : new Party(null, null, null, null, null, sellerVatId).vatId();
        this.countryRates = Map.copyOf(countryRates);
        if (!this.euCountries.isEmpty() && !this.euCountries.contains(this.homeCountry)) {
            throw new IllegalArgumentException("The home country " + this.homeCountry + " is not in the EU countries " + this.euCountries);
        }
        if (this.countryRates.containsKey(this.homeCountry)) {
            throw new IllegalArgumentException("The home country's rate is the domestic rate; it has no country rate of its own");
        }
    }

    public TaxTreatment treatment(Order order) {
        String country = shipToCountry(order);
        String buyerVatId = order.buyer().vatId();
        if (country.equals(homeCountry)) {
            return new TaxTreatment(TaxCategory.STANDARD, domesticRate, sellerVatId, buyerVatId, country);
        }
        if (euCountries.contains(country)) {
            if (sellerVatId != null && isOtherMemberStates(buyerVatId)) {
                return new TaxTreatment(TaxCategory.INTRA_COMMUNITY, BigDecimal.ZERO, sellerVatId, buyerVatId, country);
            }
            return new TaxTreatment(TaxCategory.STANDARD, countryRates.getOrDefault(country, domesticRate), sellerVatId, buyerVatId, country);
        }
        BigDecimal collected = countryRates.get(country);
        return collected != null ? new TaxTreatment(TaxCategory.STANDARD, collected, sellerVatId, buyerVatId, country)
                : new TaxTreatment(TaxCategory.EXPORT, BigDecimal.ZERO, sellerVatId, buyerVatId, country);
    }

    /** Where the goods go: the delivery party's country, else the buyer's, else home. */
    private String shipToCountry(Order order) {
        for (Party party : new Party[] {order.deliveryParty(), order.buyer()}) {
            Address address = party == null ? null : party.address();
            if (address != null && address.country() != null && !address.country().isBlank()) {
                return address.country().trim().toUpperCase(Locale.ROOT);
            }
        }
        return homeCountry;
    }

    /** A well-formed VAT id of an EU member state other than ours. */
    private boolean isOtherMemberStates(String vatId) {
        if (vatId == null || !VAT_ID.matcher(vatId).matches()) {
            return false;
        }
        String prefix = vatId.substring(0, 2);
        String country = "EL".equals(prefix) ? "GR" : prefix;
        return euCountries.contains(country) && !country.equals(homeCountry);
    }
}
