package org.backofficehub.customer;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.backofficehub.model.Address;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.PartyIdentifier;
import org.backofficehub.model.ProblemType;

/**
 * The ERP's customer master export: CSV with a header row naming at least {@code customer_number}
 * and {@code name}; {@code email, phone, street, city, postal_code, country, gln, created} are
 * optional. Read row by row, so an export of any size streams.
 */
public final class CustomerExportReader {

    /** The first line of an export starts with this, which is how the inbox recognises one. */
    public static final String HEADER_START = "customer_number,";
    static final String SYSTEM = "ERP";
    private static final Set<String> REQUIRED = Set.of("customer_number", "name");

    private CustomerExportReader() {
    }

    public static void read(Reader csv, Instant exportedAt, Consumer<CustomerRecord> sink) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(csv), format)) {
            List<String> missing = REQUIRED.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT,
                        "The customer export has no column " + String.join(", ", missing) + " in its header row");
            }
            for (CSVRecord row : parser) {
                sink.accept(record(row, exportedAt));
            }
        }
    }

    /** Spreadsheet programs start UTF-8 CSV with a byte order mark, which would become part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(csv, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static CustomerRecord record(CSVRecord row, Instant exportedAt) {
        String number = value(row, "customer_number");
        String name = value(row, "name");
        if (number == null || name == null) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "Line " + row.getRecordNumber()
                    + " of the customer export has no " + (number == null ? "customer_number" : "name"));
        }
        String street = value(row, "street");
        String city = value(row, "city");
        String postalCode = value(row, "postal_code");
        String country = value(row, "country");
        Address address = street == null && city == null && postalCode == null ? null : new Address(street, city, postalCode, country);
        String gln = value(row, "gln");
        return erpCustomer(number, name, value(row, "email"), value(row, "phone"), address,
                gln == null ? null : new PartyIdentifier(PartyIdentifier.Scheme.GLN, gln), created(row, exportedAt));
    }

    /** An ERP customer: its number is the source key, and also the id EDI partners quote as "assigned by the seller". */
    static CustomerRecord erpCustomer(String number, String name, String email, String phone, Address address,
                                      PartyIdentifier gln, Instant created) {
        // The ERP number links an EDI party that quotes it; a GLN from the export is kept in the record too.
        PartyIdentifier identifier = gln != null ? gln : new PartyIdentifier(PartyIdentifier.Scheme.SELLER_ASSIGNED, number);
        return new CustomerRecord(SYSTEM, number, Origin.ERP, name, email, phone, address, identifier, created);
    }

    private static Instant created(CSVRecord row, Instant fallback) {
        String created = value(row, "created");
        if (created == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(created).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "Line " + row.getRecordNumber()
                    + " of the customer export has created = '" + created + "', not a date like 2026-11-23");
        }
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value;
    }
}
