package org.backofficehub.edi.writing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An order response lets the buyer's system match its lines: each echoes every identifier the partner sent for it. */
class OrderResponseEchoTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDirectory;
    private final HikariDataSource hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");

    @AfterEach
    void close() {
        hubStore.close();
    }

    @Test
    void anOrdrspLineEchoesMoreIdentifiersThanOnePiaHolds() throws IOException {
        PartnerProfile nordwind = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", key -> null).byId("NORDWIND")
                .orElseThrow();
        // As Evergreen's order zBFqgVwJ7l names a title: its GTIN, the other editions' ISBNs, and its own line number as SA.
        List<ItemIdentifier> ids = List.of(ItemIdentifier.fromEdifact("EN", "9780446310062"), ItemIdentifier.fromEdifact("IB", "0446310069"),
                ItemIdentifier.fromEdifact("IB", "0446313033"), ItemIdentifier.fromEdifact("EN", "9780446313032"),
                ItemIdentifier.fromEdifact("IB", "0446314129"), ItemIdentifier.fromEdifact("EN", "9780446314121"),
                ItemIdentifier.fromEdifact("SA", "62"));
        Order order = new Order("NORDWIND", "9", LocalDate.of(2010, 8, 4), "USD", new Party("123EVER 0001", null, null, null), null,
                List.of(new OrderLine(62, "62", "Shroud for a nightingale /", BigDecimal.TEN, null, new BigDecimal("8.00"), ids)));

        Path written;
        try (OrderResponseDocument responses = new OrderResponseDocument(new Outbox(new DataDirectory(dataDirectory)), nordwind,
                new StoredControlNumbers(hubStore), new InterchangeRegistry(hubStore, CLOCK), CLOCK)) {
            responses.add(List.of(new OrderResponse(order, null, "line 62: no item in the catalogue")));
            written = responses.finish();
        }

        String ordrsp = Files.readString(written, StandardCharsets.ISO_8859_1);
        assertThat(ordrsp).contains("LIN+62+7+9780446310062:EN'")
                .contains("PIA+1+0446310069:IB+0446313033:IB+9780446313032:EN+0446314129:IB+9780446314121:EN'")
                .contains("PIA+1+62:SA'");
    }
}
