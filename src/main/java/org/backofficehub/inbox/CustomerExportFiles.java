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

    private final CustomerImport customerImport;

    public CustomerExportFiles(CustomerImport customerImport) {
        this.customerImport = customerImport;
    }

    public Map<String, Long> receive(Exchange exchange) throws IOException {
        Path file = DocumentFormats.file(exchange);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Map.of("customerRecords", customerImport.importExport(reader));
        }
    }
}
