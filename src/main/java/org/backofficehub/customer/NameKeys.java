package org.backofficehub.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names and street lines reduced to what survives retyping: case, accents, umlauts written out
 * (Müller, Muller, Mueller), punctuation, legal forms and titles all fold away.
 */
final class NameKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    /** Legal forms and salutations: "Bean & Leaf Ltd" and "Bean and Leaf" are the same company. */
    private static final Set<String> NOISE = Set.of("gmbh", "mbh", "kg", "ag", "ohg", "gbr", "ug", "ev", "ltd", "limited",
            "inc", "llc", "corp", "corporation", "co", "company", "plc", "sarl", "sas", "sa", "bv", "nv", "oy", "ab",
            "spa", "srl", "and", "und", "et", "mr", "mrs", "ms", "dr", "herr", "frau", "prof");

    private NameKeys() {
    }

    /** "ANNA  MÜLLER" and "Anna Mueller" both become "anna muller"; null when nothing is left. */
    static String name(String raw) {
        String folded = fold(raw);
        if (folded == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(folded.length());
        for (String token : folded.split(" ")) {
            if (!token.isEmpty() && !NOISE.contains(token)) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(token);
            }
        }
        return key.isEmpty() ? null : key.toString();
    }

    /** The same tokens in alphabetical order, so "Müller, Anna" compares equal to "Anna Müller". */
    static String sortedTokens(String nameKey) {
        String[] tokens = nameKey.split(" ");
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    /** Lower case, accents and umlauts folded, punctuation as single spaces; null for blank input. */
    static String fold(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String lower = raw.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
                .replace("ł", "l").replace("đ", "d").replace("þ", "th");
        String unaccented = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        // After the accents are gone "mueller" and "müller" must agree: fold the written-out umlauts too.
        String umlautsFolded = unaccented.replace("ae", "a").replace("oe", "o").replace("ue", "u");
        String spaced = NOT_ALPHANUMERIC.matcher(umlautsFolded).replaceAll(" ").trim();
        return spaced.isEmpty() ? null : spaced;
    }
}
