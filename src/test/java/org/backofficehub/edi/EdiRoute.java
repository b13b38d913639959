package org.backofficehub.edi;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.backofficehub.support.DemoErp;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.support.EdiRouteBeans;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.util.CamelWrapping;

/**
 * The EDI route ({@code routes/edi-interchanges.camel.yaml}) with the real reader, translators,
 * booking, writers and hub store (H2), started once and fed files as the inbox route feeds it,
 * from any number of threads at once. The demo partner profiles (config/partners), a fixed clock.
 */
final class EdiRoute implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:30:00Z"), ZoneOffset.UTC);

    final Path outbox;
    final HikariDataSource hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");
    final HikariDataSource erp = TestDatabase.H2.newMigratedDataSource("erp", "db/erp");
    final InterchangeRegistry registry = new InterchangeRegistry(hubStore, CLOCK);
    final StoredControlNumbers numbers = new StoredControlNumbers(hubStore);
    final List<Order> delivered = Collections.synchronizedList(new ArrayList<>());
    final PartnerProfiles profiles;
    private final CamelContext camel;

    EdiRoute(Path dataDir, boolean acceptUnknown) {
        this(dataDir, acceptUnknown, Map.of());
    }

    /**
     * @param acceptUnknown hub.partners.unknown: accept (a stand-in profile) or reject
     * @param overrides     profile keys, as hub.partner.acme.documents.in
     */
    EdiRoute(Path dataDir, boolean acceptUnknown, Map<String, String> overrides) {
        this(dataDir, PartnerProfiles.load(Path.of("config/partners"), acceptUnknown, "BACKOFFICEHUB", overrides::get));
    }

    EdiRoute(Path dataDir, PartnerProfiles profiles) {
        this.outbox = dataDir.resolve("outbox");
        this.profiles = profiles;
        Outbox partnersOutbox = new Outbox(new DataDirectory(dataDir));
        OrderBooking booking = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), CLOCK), DemoErp.writer(erp));
        Map<String, Object> beans = EdiRouteBeans.of(hubStore, erp, registry, numbers, profiles, partnersOutbox, CLOCK,
                new EdiGoldenTest.RecordingBooking(booking, delivered));
        camel = RouteFiles.start(beans, "edi-interchanges.camel.yaml", "order-intake.camel.yaml", "hub-errors.camel.yaml");
    }

    /** Receives the file as the inbox route hands it over; null if it went to done/, else the problem it went to error/ with. */
    String receive(Path file) {
        try {
            camel.createProducerTemplate().sendBodyAndHeaders("direct:receive-edi-file", null, Map.of(
                    Exchange.FILE_PATH, file.toAbsolutePath().toString(), Exchange.FILE_NAME, file.getFileName().toString(),
                    Exchange.FILE_LENGTH, Files.size(file)));
            return null;
        } catch (CamelExecutionException e) {
            Throwable cause = CamelWrapping.unwrap(e);
            if (cause instanceof InputRejectedException refused) {
                return refused.type().slug();
            }
            StringBuilder chain = new StringBuilder("processing-failed: " + cause);
            for (Throwable inner = cause.getCause(); inner != null && inner != inner.getCause(); inner = inner.getCause()) {
                chain.append(" <- ").append(inner);
            }
            return chain.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outbox documents whose names start with one of these types, by name. */
    List<Path> documents(String... types) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(outbox)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".edi") && Stream.of(types).anyMatch(type -> name.startsWith(type + "-"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every outbox document of these types, concatenated. */
    String text(String... types) {
        StringBuilder all = new StringBuilder();
        for (Path document : documents(types)) {
            try {
                all.append(Files.readString(document, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    /** The inbound interchange's record. */
    InterchangeRegistry.Interchange inbound(String partnerId, String controlNumber) {
        return registry.list("in", partnerId, 1000).stream().filter(i -> i.controlNumber().equals(controlNumber)).findFirst()
                .orElseThrow(() -> new AssertionError("no inbound interchange " + controlNumber + " from " + partnerId));
    }

    /** The last control number handed out to the partner of this kind (0 for none). */
    long lastControlNumber(String partnerId, String kind) {
        return hubNumber("SELECT COALESCE(MAX(last_value), 0) FROM edi_control_number WHERE partner_id = '" + partnerId
                + "' AND kind = '" + kind + "'");
    }

    int erpCount(String sql) {
        return number(erp, sql);
    }

    long hubNumber(String sql) {
        return number(hubStore, sql);
    }

    private static int number(HikariDataSource source, String sql) {
        try (var connection = source.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        hubStore.close();
        erp.close();
    }
}
