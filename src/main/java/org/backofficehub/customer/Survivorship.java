package org.backofficehub.customer;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier.Scheme;

/**
 * Which source wins each field of the golden record: the highest-ranked origin that has a value
 * (configured: by default the ERP over EDI partners over the web store), among equals the most
 * recently observed, then by system and key. Only inputs decide, not arrival order.
 */
final class Survivorship {

    private final Comparator<LinkedSource> best;

    Survivorship(List<Origin> priority) {
        Comparator<LinkedSource> byOrigin = Comparator.comparingInt(s -> rank(priority, s.record().origin()));
        this.best = byOrigin
                .thenComparing(s -> s.record().observedAt(), Comparator.reverseOrder())
                .thenComparing(s -> s.record().system())
                .thenComparing(s -> s.record().sourceKey());
    }

    private static int rank(List<Origin> priority, Origin origin) {
        int rank = priority.indexOf(origin);
        return rank < 0 ? priority.size() : rank;
    }

    GoldenRecord golden(long customerId, List<LinkedSource> sources) {
        List<LinkedSource> ranked = sources.stream().sorted(best).toList();
        Map<String, Long> provenance = new LinkedHashMap<>();
        String name = pick(ranked, "name", s -> s.record().name(), provenance);
        String email = pick(ranked, "email", s -> trimmed(s.record().email()), provenance);
        String phone = pick(ranked, "phone", s -> s.profile().phoneKey() != null ? s.profile().phoneKey() : trimmed(s.record().phone()), provenance);
        Address address = pick(ranked, "address", s -> s.record().address(), provenance);
        String gln = pick(ranked, "gln", identified(Scheme.GLN), provenance);
        String duns = pick(ranked, "duns", identified(Scheme.DUNS), provenance);
        String erpNumber = pick(ranked, "erpNumber", Survivorship::erpNumber, provenance);
        return new GoldenRecord(customerId, name, email, phone, address, gln, duns, erpNumber, NameKeys.name(name),
                sources.size(), provenance);
    }

    private static Function<LinkedSource, String> identified(Scheme scheme) {
        return s -> s.record().identifier() != null && s.record().identifier().scheme() == scheme ? s.record().identifier().value() : null;
    }

    /** An ERP record's own number, or the number an EDI partner quotes as assigned by us. */
    private static String erpNumber(LinkedSource source) {
        return source.record().origin() == Origin.ERP ? source.record().sourceKey() : identified(Scheme.SELLER_ASSIGNED).apply(source);
    }

    private static <T> T pick(List<LinkedSource> ranked, String field, Function<LinkedSource, T> value, Map<String, Long> provenance) {
        Predicate<T> present = v -> v != null && !(v instanceof String text && text.isBlank());
        for (LinkedSource source : ranked) {
            T candidate = value.apply(source);
            if (present.test(candidate)) {
                provenance.put(field, source.id());
                return candidate;
            }
        }
        return null;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
