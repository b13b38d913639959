package org.backofficehub.customer;

import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.backofficehub.model.Address;
import org.backofficehub.store.HubStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the ERP's customer master into the customer master: from the ERP database on a schedule,
 * or from an export file. Records are resolved in chunks, each its own transaction; an import
 * interrupted half-way is simply run again, as unchanged records change nothing.
 */
public final class CustomerImport {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerImport.class);

    private final CustomerResolver resolver;
    private final DataSource erp;
    private final String customersQuery;
    private final int chunkSize;
    private final Clock clock;

    /**
     * @param customersQuery the ERP profile's {@code customers} statement: the customer master with the
     *                       columns labelled customerNumber, name, email, phone, street, city,
     *                       postalCode, country and createdOn
     */
    public CustomerImport(CustomerResolver resolver, DataSource erp, String customersQuery, int chunkSize, Clock clock) {
        this.resolver = resolver;
        this.erp = erp;
        this.customersQuery = customersQuery;
        this.chunkSize = chunkSize;
        this.clock = clock;
    }


    /** Reads the ERP's customer master (the demo's CUSMAS), in the order the statement returns it. */
    public long importFromErp() {
        ChunkedResolution chunks = new ChunkedResolution();
        try (Connection connection = erp.getConnection();
             PreparedStatement select = connection.prepareStatement(customersQuery)) {
            select.setFetchSize(chunkSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Address address = new Address(rs.getString("street"), rs.getString("city"), rs.getString("postalCode"),
                            trimmed(rs.getString("country")));
                    java.sql.Date createdOn = rs.getDate("createdOn");
                    Instant created = createdOn == null ? clock.instant() : createdOn.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
                    chunks.accept(CustomerExportReader.erpCustomer(rs.getString("customerNumber").trim(), rs.getString("name"),
                            rs.getString("email"), rs.getString("phone"), address, null, created));
                }
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the ERP customer master (the ERP profile's customers statement): " + e.getMessage(), e);
        }
        long records = chunks.finish();
        LOG.info("Imported {} customer(s) from the ERP customer master", records);
        return records;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    /** An ERP customer export file (see {@link CustomerExportReader}). */
    public long importExport(Reader csv) {
        ChunkedResolution chunks = new ChunkedResolution();
        try {
            CustomerExportReader.read(csv, clock.instant(), chunks);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e, chunks.records);
        }
        return chunks.finish();
    }

    /**
     * Bytes that are not UTF-8, or text that is not CSV (the parser says which line), are the
     * sender's to fix, not a failure to retry. The chunks before the fault are in; importing the
     * corrected export again changes nothing of them.
     */
    private static RuntimeException unreadable(Throwable cause, long imported) {
        if (cause instanceof CharacterCodingException) {
            return new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The customer export is not valid UTF-8 (" + imported
                    + " record(s) before the fault were imported); export it as UTF-8 and drop it again", List.of(), cause);
        }
        String message = String.valueOf(cause.getMessage());
        if (message.startsWith("(line ") || message.startsWith("(startline ")) {
            return new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The customer export is not well-formed CSV " + message,
                    List.of(), cause);
        }
        return new UncheckedIOException("Cannot read the customer export: " + message,
                cause instanceof IOException io ? io : new IOException(cause));
    }

    private final class ChunkedResolution implements java.util.function.Consumer<CustomerRecord> {
        private final List<CustomerTouch> chunk = new ArrayList<>(chunkSize);
        private long records;

        @Override
        public void accept(CustomerRecord record) {
            chunk.add(CustomerTouch.of(record));
            if (chunk.size() == chunkSize) {
                flush();
            }
        }

        long finish() {
            flush();
            return records;
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                resolver.resolveAll(chunk);
                records += chunk.size();
                chunk.clear();
            }
        }
    }
}
