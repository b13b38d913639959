package org.backofficehub.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier;
import org.junit.jupiter.api.Test;

/** The normalisations and rules the customer master matches by. */
class MatchKeysTest {

    @Test
    void namesFoldCaseAccentsUmlautsPunctuationAndLegalForms() {
        assertThat(NameKeys.name("Anna Müller")).isEqualTo("anna muller");
        assertThat(NameKeys.name("ANNA  MULLER")).isEqualTo("anna muller");
        assertThat(NameKeys.name("Anna Mueller")).isEqualTo("anna muller");
        assertThat(NameKeys.name("Bean & Leaf Ltd.")).isEqualTo(NameKeys.name("Bean and Leaf"));
        assertThat(NameKeys.name("Weiß GmbH & Co. KG")).isEqualTo("weiss");
        assertThat(NameKeys.sortedTokens(NameKeys.name("Müller, Anna"))).isEqualTo(NameKeys.sortedTokens("anna muller"));
        assertThat(NameKeys.name("  ")).isNull();
    }

    @Test
    void streetsAgreeWhateverTheAbbreviation() {
        String key = AddressKeys.key(new Address("Hauptstraße 5", "Berlin", "10115", "DE"));
        assertThat(AddressKeys.key(new Address("Hauptstr. 5", "BERLIN", "10 115", "de"))).isEqualTo(key);
        assertThat(AddressKeys.key(new Address("HAUPTSTRASSE 5", null, "10115", "DE"))).isEqualTo(key);
        assertThat(AddressKeys.key(new Address("Haupt Str 5", null, "10115", "DE"))).isEqualTo(key);
        assertThat(AddressKeys.key(new Address("22 Wharf Road", "London", "N1 7GR", "GB")))
                .isEqualTo(AddressKeys.key(new Address("22 Wharf Rd.", "London", "n17gr", "GB")));
        assertThat(AddressKeys.key(new Address(null, "Berlin", "10115", "DE"))).as("a city alone is no key").isNull();
    }

    @Test
    void emailsAndPhonesInEverySpellingShareOneKey() {
        assertThat(ContactKeys.email(" Anna.Muller@Example.com ")).isEqualTo("anna.muller@example.com");
        assertThat(ContactKeys.email("anna.muller+shop@example.com")).isEqualTo("anna.muller@example.com");
        assertThat(ContactKeys.email("A.N.N.A@googlemail.com")).isEqualTo("anna@gmail.com");
        assertThat(ContactKeys.email("not an address")).isNull();
        assertThat(ContactKeys.phone("030 5550142", "DE", "DE")).isEqualTo("+49305550142");
        assertThat(ContactKeys.phone("+49 30 5550142", null, "GB")).isEqualTo("+49305550142");
        assertThat(ContactKeys.phone("0049-30-5550142", "DE", "DE")).isEqualTo("+49305550142");
        assertThat(ContactKeys.phone("020 7946 0958", "GB", "DE")).isEqualTo("+442079460958");
        assertThat(ContactKeys.phone("call me", "DE", "DE")).isNull();
    }

    @Test
    void rulesNeedANameBesideASharedPhoneOrAddressButNotBesideAnIdentifierOrEmail() {
        Matcher matcher = new Matcher(0.95, 0.95);
        MatchProfile anna = profile("Anna Müller", "anna@example.com", "030 5550142", null);
        MatchProfile peter = profile("Peter Müller", "peter@example.com", "030 5550142", null);
        MatchProfile annaTypo = profile("Anna Mülelr", null, "+49 30 5550142", null);
        MatchProfile company = profile("Müller Feinkost", "ANNA@example.com", null, "4012345000047");
        MatchProfile sameGln = profile("MF Berlin", null, null, "4012345000047");

        assertThat(matcher.match(anna, peter)).as("a household's landline").isNull();
        assertThat(matcher.match(anna, annaTypo)).as("a typo, same phone").isEqualTo(MatchRule.PHONE_AND_NAME);
        assertThat(matcher.match(anna, company)).isEqualTo(MatchRule.EMAIL);
        assertThat(matcher.match(company, sameGln)).isEqualTo(MatchRule.GLN);
        assertThat(MatchRule.PHONE_AND_NAME.label()).isEqualTo("phone+name");
        assertThat(MatchRule.ofLabel("name+address")).isEqualTo(MatchRule.NAME_AND_ADDRESS);
    }

    private static MatchProfile profile(String name, String email, String phone, String gln) {
        return MatchProfile.of(new CustomerRecord("TEST", name, Origin.WEBSTORE, name, email, phone,
                new Address("Lindenstraße 12", "Berlin", "10969", "DE"),
                gln == null ? null : new PartyIdentifier(PartyIdentifier.Scheme.GLN, gln), Instant.EPOCH), "DE");
    }
}
