package org.backofficehub.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;

/**
 * A payload as an operator downloads it: the stored bytes of a tracked document (by hash), or of a
 * message owed to another system (outbound_message, by id), with the media type and file name of
 * what it was: the file's own name, a request's JSON, an EDI interchange as application/EDIFACT or
 * application/EDI-X12 (RFC 1767).
 */
public final class PayloadDownloads {

    public record Download(byte[] content, String contentType, String fileName) {
    }

    private final DataSource hubStore;
    private final PayloadStore payloads;

    public PayloadDownloads(DataSource hubStore, PayloadStore payloads) {
        this.hubStore = hubStore;
        this.payloads = payloads;
    }

    public Optional<Download> payload(String hash) {
        Optional<Path> stored = payloads.find(hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String contentType = "application/octet-stream";
        String fileName = hash;
        try (Connection connection = hubStore.getConnection()) {
            List<String[]> described = Rows.query(connection, "SELECT content_type, document_type, file_name, kind FROM tracked_document"
                    + " WHERE payload_hash = ? ORDER BY id FETCH FIRST 1 ROWS ONLY", row -> new String[] {row.getString(1), row.getString(2),
                    row.getString(3), row.getString(4)}, hash);
            if (!described.isEmpty()) {
                String[] row = described.get(0);
                contentType = mediaType(row[0], row[1], stored.get());
                fileName = row[2] != null ? row[2] : hash + extension(contentType);
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot describe payload " + hash + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(new Download(Files.readAllBytes(stored.get()), contentType, fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read payload " + hash, e);
        }
    }

    public Optional<Download> message(long id) {
        try (Connection connection = hubStore.getConnection()) {
            return Rows.query(connection, "SELECT route_id, kind, name, payload FROM outbound_message WHERE id = ?", row -> {
                String name = row.getString("name");
                byte[] content = row.getBytes("payload");
                String type = name.endsWith(".xml") ? "application/xml" : name.endsWith(".csv") ? "text/csv"
                        : content.length > 0 && content[0] == '{' ? "application/json" : "application/octet-stream";
                return new Download(content, type, name.replaceAll("[^A-Za-z0-9._-]", "_") + (name.contains(".") ? "" : extension(type)));
            }, id).stream().findFirst();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read message " + id + ": " + e.getMessage(), e);
        }
    }

    private static String mediaType(String recorded, String documentType, Path stored) {
        if (recorded != null && !recorded.equals("application/edi")) {
            return recorded.startsWith("application/json") ? "application/json" : recorded;
        }
        if (recorded == null && documentType != null) {
            return switch (documentType) {
                case "JSON" -> "application/json";
                case "XML", "UBL", "CXML", "OPENTRANS" -> "application/xml";
                case "CUSTOMER_EXPORT" -> "text/csv";
                default -> ediMediaType(stored);
            };
        }
        return ediMediaType(stored);
    }

    /** X12 starts with ISA; anything else EDI the hub handles is EDIFACT. */
    private static String ediMediaType(Path stored) {
        try (var in = Files.newInputStream(stored)) {
            byte[] head = in.readNBytes(3);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ISA") ? "application/EDI-X12" : "application/EDIFACT";
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/json" -> ".json";
            case "application/xml" -> ".xml";
            case "text/csv" -> ".csv";
            case "application/EDIFACT", "application/EDI-X12" -> ".edi";
            default -> ".bin";
        };
    }
}
