package org.backofficehub.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/** E-mail addresses and telephone numbers in the one form two spellings of the same one share. */
final class ContactKeys {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactKeys() {
    }

    /**
     * Lower case without sub-addressing ("anna+shop@" is "anna@"); for Gmail also without dots,
     * which Gmail ignores. Null for anything without a local part and a domain.
     */
    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.indexOf(' ') >= 0) {
            return null;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /**
     * E.164 ("+49301234567"); national numbers are read in the address's country, else in
     * {@code defaultRegion}. Null for what is not a possible number there.
     */
    static String phone(String raw, String country, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String region = country != null && country.length() == 2 ? country.toUpperCase(Locale.ROOT) : defaultRegion;
        try {
            PhoneNumber number = PHONES.parse(raw, region);
            return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException notAPhoneNumber) {
            return null;
        }
    }
}
