package org.backofficehub.customer;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Decides whether two records are the same customer. Identifiers and e-mail addresses decide on
 * their own; a telephone number or an address is shared by households and offices, so those need
 * a similar name as well (Jaro-Winkler, which forgives typos, on the name and on its sorted
 * tokens). The decision depends on the pair alone, so the resulting customers do not depend on
 * the order records arrive in.
 */
final class Matcher {

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final double phoneNameThreshold;
    private final double addressNameThreshold;

    Matcher(double phoneNameThreshold, double addressNameThreshold) {
        this.phoneNameThreshold = phoneNameThreshold;
        this.addressNameThreshold = addressNameThreshold;
    }

    /** The strongest rule under which the two match, or null. */
    MatchRule match(MatchProfile a, MatchProfile b) {
        if (a.idKey() != null && a.idKey().equals(b.idKey())) {
            return MatchRule.ofIdKey(a.idKey());
        }
        if (a.emailKey() != null && a.emailKey().equals(b.emailKey())) {
            return MatchRule.EMAIL;
        }
        boolean samePhone = a.phoneKey() != null && a.phoneKey().equals(b.phoneKey());
        boolean sameAddress = a.addressKey() != null && a.addressKey().equals(b.addressKey());
        if (!samePhone && !sameAddress) {
            return null;
        }
        double nameSimilarity = nameSimilarity(a, b);
        if (samePhone && nameSimilarity >= phoneNameThreshold) {
            return MatchRule.PHONE_AND_NAME;
        }
        if (sameAddress && nameSimilarity >= addressNameThreshold) {
            return MatchRule.NAME_AND_ADDRESS;
        }
        return null;
    }

    static double nameSimilarity(MatchProfile a, MatchProfile b) {
        if (a.nameKey() == null || b.nameKey() == null) {
            return 0;
        }
        if (a.nameKey().equals(b.nameKey()) || a.sortedName().equals(b.sortedName())) {
            return 1;
        }
        return Math.max(SIMILARITY.apply(a.nameKey(), b.nameKey()), SIMILARITY.apply(a.sortedName(), b.sortedName()));
    }
}
