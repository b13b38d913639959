package org.backofficehub.erp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the confirmation files of an ERP that imports files, as its profile declares them: one
 * record per order, fields separated by {@code file.confirmations.delimiter} ({@code tab} for a tab), named in order by
 * {@code file.confirmations.columns} (an empty name skips the ERP's field), optionally under a
 * header line. Each record becomes a row like the flat interface's poll returns: source, orderId,
 * erpOrderNumber, status (the ERP's code), message.
 */
public final class ConfirmationFiles {

    private final CSVFormat format;
    private final String[] columns;
    private final Charset charset;
    private final boolean skipHeader;

    public ConfirmationFiles(ErpProfile profile) {
        this.columns = Arrays.stream(profile.fileSetting("file.confirmations.columns").split("[,;]", -1)).map(String::trim)
                .toArray(String[]::new);
        String delimiter = profile.fileSetting("file.confirmations.delimiter");
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        this.charset = Charset.forName(profile.fileSetting("file.charset"));
        this.skipHeader = Boolean.parseBoolean(profile.fileSetting("file.confirmations.header"));
    }

    public List<Map<String, Object>> rows(InputStream file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(file, charset), format)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first && skipHeader) {
                    first = false;
                    continue;
                }
                first = false;
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.length && i < record.size(); i++) {
                    if (!columns[i].isEmpty()) {
                        row.put(columns[i], record.get(i));
                    }
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ERP's confirmation file: " + e.getMessage(), e);
        }
        return rows;
    }
}
