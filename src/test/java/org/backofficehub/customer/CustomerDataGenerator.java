package org.backofficehub.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A customer master with known duplicates, as legacy systems hold them: the same person typed
 * again with other case, accents written out or dropped, a typo, the name turned round, another
 * spelling of the e-mail or phone number, an abbreviated street, or after a move. It also holds
 * the hard cases for precision: namesakes everywhere, and households sharing an address and a
 * landline. Each record knows its true entity, so precision and recall can be counted.
 */
public final class CustomerDataGenerator {

    private static final String[] FIRST = {"Anna", "Jonas", "Lena", "Lukas", "Marie", "Paul", "Sophie", "Felix", "Emma", "Leon",
            "Hannah", "Elias", "Mia", "Noah", "Lea", "Ben", "Jürgen", "Jörg", "Björn", "Søren", "François", "Hélène", "Zoë",
            "Renée", "José", "Ana", "Łukasz", "Małgorzata", "Ömer", "Ayşe", "Thomas", "Sarah", "Michael", "Laura", "Peter",
            "Julia", "David", "Katharina", "Daniel", "Christina", "Oliver", "Emily", "James", "Olivia", "William", "Charlotte",
            "Henry", "Amelia", "Jack", "Isla", "Mateo", "Lucía", "Hugo", "Chloé", "Louis", "Inès", "Matteo", "Giulia",
            "Sven", "Ingrid", "Lars", "Åsa", "Mikael", "Frida", "Tomáš", "Zuzana", "Piotr", "Agnieszka", "Tobias", "Nina"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
            "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Taylor", "Martin",
            "Bernard", "Dubois", "Durand", "Lefèvre", "Girard", "Moreau", "Núñez", "García", "Sørensen", "Jørgensen", "Åberg",
            "Kowalski", "Wiśniewski", "Nowak", "Öztürk", "Çelik", "Dvořák", "Novák", "Rossi", "Bianchi", "Esposito", "Larsen",
            "Nielsen", "Andersson", "Johansson", "Gößling", "Straßer", "Weiß", "Groß", "Jäger", "Köhler", "Böhm", "Vogel"};
    private static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße",
            "Bergstraße", "Lindenstraße", "Kirchstraße", "Am Markt", "Mühlenweg", "Rosenweg", "Parkallee", "Goethestraße",
            "Schillerplatz", "High Street", "Station Road", "Church Street", "Park Avenue", "Mill Lane", "Victoria Road",
            "Rue de la Paix", "Avenue Victor Hugo", "Friedrichstraße", "Königsallee", "Hafenstraße", "Seestraße", "Waldweg"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf",
            "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Wien", "Zürich"};
    private static final String[] PROVIDERS = {"example.com", "mail.example", "gmail.com", "web.example", "posteo.example", "gmx.example"};
    private static final String[] LEGAL_FORMS = {"GmbH", "KG", "AG", "GmbH & Co. KG", "e.K.", "OHG"};
    private static final String[] TRADES = {"Kaffeehaus", "Rösterei", "Bäckerei", "Feinkost", "Café", "Konditorei", "Hotel", "Bistro"};

    /** One record; {@code entity} is the real customer behind it. */
    public record Generated(String customerNumber, int entity, String name, String email, String phone, String street,
                            String city, String postalCode, String country, String gln) {
    }

    private record Entity(String first, String last, String name, String email, String phone, String street, String city,
                          String postalCode, String gln, boolean company) {
    }

    private final Random random;
    private final List<Entity> entities = new ArrayList<>();

    public CustomerDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} records of which {@code duplicateShare} are further records of an earlier customer. */
    public List<Generated> generate(int count, double duplicateShare) {
        List<Generated> records = new ArrayList<>(count);
        generate(count, duplicateShare, records::add);
        return records;
    }

    /** The same, streamed, for sets too big to hold. */
    public void generate(int count, double duplicateShare, java.util.function.Consumer<Generated> sink) {
        for (int i = 0; i < count; i++) {
            String number = String.valueOf(1_000_000 + i);
            if (!entities.isEmpty() && random.nextDouble() < duplicateShare) {
                int entity = random.nextInt(entities.size());
                sink.accept(variant(number, entity, entities.get(entity)));
            } else {
                Entity entity = newEntity();
                entities.add(entity);
                sink.accept(new Generated(number, entities.size() - 1, entity.name(), entity.email(), entity.phone(),
                        entity.street(), entity.city(), entity.postalCode(), "DE", entity.gln()));
            }
        }
    }

    private Entity newEntity() {
        int id = entities.size();
        if (id > 0 && random.nextDouble() < 0.06) {
            return householdMember(entities.get(random.nextInt(id)), id);
        }
        if (random.nextDouble() < 0.10) {
            return company(id);
        }
        String first = pick(FIRST);
        String last = pick(LAST);
        String provider = pick(PROVIDERS);
        String email = ascii(first) + "." + ascii(last) + id + "@" + provider;
        return new Entity(first, last, first + " " + last, email, landline(), street(), pick(CITIES), postalCode(), null, false);
    }

    /** Same surname, address and landline, own first name and e-mail: not the same customer. */
    private Entity householdMember(Entity of, int id) {
        if (of.company()) {
            return company(id);
        }
        String first = pick(FIRST);
        while (first.equals(of.first())) {
            first = pick(FIRST);
        }
        String email = ascii(first) + "." + ascii(of.last()) + id + "@" + pick(PROVIDERS);
        return new Entity(first, of.last(), first + " " + of.last(), email, of.phone(), of.street(), of.city(), of.postalCode(), null, false);
    }

    private Entity company(int id) {
        String name = pick(TRADES) + " " + pick(LAST) + " " + pick(LEGAL_FORMS);
        String gln = random.nextDouble() < 0.7 ? "40" + String.format(Locale.ROOT, "%011d", id) : null;
        String email = "einkauf" + id + "@" + ascii(name.split(" ")[1]) + ".example";
        return new Entity(null, null, name, email, landline(), street(), pick(CITIES), postalCode(), gln, true);
    }

    private Generated variant(String number, int entityId, Entity e) {
        String name = e.name();
        String email = e.email();
        String phone = e.phone();
        String street = e.street();
        String city = e.city();
        String postalCode = e.postalCode();
        String gln = e.gln();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(14)) {
                case 0 -> name = name.toUpperCase(Locale.ROOT);
                case 1 -> name = ascii(name);
                case 2 -> name = typo(name);
                case 3 -> name = e.company() ? name.replaceAll(" (GmbH & Co\\. KG|GmbH|KG|AG|e\\.K\\.|OHG)$", "") : e.last() + ", " + e.first();
                case 4 -> email = email == null ? null : (random.nextBoolean() ? email.toUpperCase(Locale.ROOT) : " " + email + " ");
                case 5 -> email = email == null ? null : email.replace("@", "+shop@");
                case 6 -> phone = phone == null ? null : international(phone);
                case 7 -> street = street.replace("straße", "str.").replace("Straße", "Str.").replace("Street", "St.").replace("Road", "Rd");
                case 8 -> { // moved: a new address, same person
                    street = street();
                    city = pick(CITIES);
                    postalCode = postalCode();
                }
                case 9 -> email = null;
                case 10 -> phone = null;
                case 11 -> email = email == null ? null : typo(email); // mistyped, so no longer the same address
                case 12 -> email = "kontakt" + number + "@" + pick(PROVIDERS); // another address altogether
                default -> gln = null;
            }
        }
        return new Generated(number, entityId, name, email, phone, street, city, postalCode, "DE", gln);
    }

    private String typo(String name) {
        char[] chars = name.toCharArray();
        int at = 1 + random.nextInt(Math.max(1, chars.length - 2));
        if (random.nextBoolean() && at + 1 < chars.length) {
            char swap = chars[at];
            chars[at] = chars[at + 1];
            chars[at + 1] = swap;
            return new String(chars);
        }
        return name.substring(0, at) + name.substring(Math.min(name.length(), at + 1));
    }

    /** "030 5550123" as "+49 30 5550123" or "0049-30-5550123". */
    private String international(String national) {
        String digits = national.substring(1).replace(" ", "");
        return random.nextBoolean() ? "+49 " + national.substring(1) : "0049-" + digits.substring(0, 2) + "-" + digits.substring(2);
    }

    private String landline() {
        return "0" + (30 + random.nextInt(60)) + " " + (1_000_000 + random.nextInt(9_000_000));
    }

    private String street() {
        return pick(STREETS) + " " + (1 + random.nextInt(180));
    }

    private String postalCode() {
        return String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(98_000));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String ascii(String text) {
        return java.text.Normalizer.normalize(text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
                .replace("Ł", "L").replace("å", "a").replace("Å", "A"), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
