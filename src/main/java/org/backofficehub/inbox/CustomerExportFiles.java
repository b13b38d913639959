package org.backofficehub.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.backofficehub.customer.CustomerExportReader;
import org.backofficehub.customer.CustomerImport;

/**
 * The inbox's branch for ERP customer master exports (CSV whose header starts with
 * {@code customer_number,}). Streamed from disk: an export can hold millions of customers.
 */
public final class CustomerExportFiles {

    public static final String CUSTOMER_EXPORT = "hubCustomerExport";

    private final CustomerImport customerImport;

    public CustomerExportFiles(CustomerImport customerImport) {
        this.customerImport = customerImport;
    }

    /** Sets {@link #CUSTOMER_EXPORT} when the file is a customer export. */
    public void detect(Exchange exchange) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(EdiFiles.path(exchange), StandardCharsets.UTF_8)) {
            char[] head = new char[CustomerExportReader.HEADER_START.length() + 1];
            int length = reader.read(head);
            String start = length <= 0 ? "" : new String(head, 0, length);
            if (start.startsWith("\uFEFF")) {
                start = start.substring(1);
            }
            if (start.startsWith(CustomerExportReader.HEADER_START)) {
                exchange.getMessage().setHeader(CUSTOMER_EXPORT, true);
            }
        } catch (java.nio.charset.MalformedInputException notText) {
            // Not UTF-8 text, so not an export; the other branches will say what it is.
        }
    }

    public Map<String, Long> receive(Exchange exchange) throws IOException {
        Path file = EdiFiles.path(exchange);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Map.of("customerRecords", customerImport.importExport(reader));
        }
    }
}
