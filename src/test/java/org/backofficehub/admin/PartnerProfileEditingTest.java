package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.backofficehub.support.RunningHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner profile added or changed over the admin API, taken without a restart. */
class PartnerProfileEditingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRANGER = String.join("\n",
            "# Added on the console after the refusal named the sender.",
            "partner = STRANGER", "standard = EDIFACT", "version = D01B", "interchange.id = STRANGER", "interchange.qualifier = ZZZ",
            "our.id = BACKOFFICEHUB", "our.qualifier = ZZZ", "documents.in = ORDERS", "documents.out = ORDRSP", "ack = CONTRL",
            "outbox = stranger", "");
    private static Path partners;
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        partners = Files.createTempDirectory("partners-");
        try (Stream<Path> profiles = Files.list(Path.of("config/partners"))) {
            for (Path profile : profiles.toList()) {
                Files.copy(profile, partners.resolve(profile.getFileName()));
            }
        }
        hub = RunningHub.start(Map.of("hub.partners.dir", partners.toString()));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anUnknownSendersFailureIsBookedOnceItsProfileIsAddedWithoutARestart() throws Exception {
        hub.drop("edifact/invalid/unknown-partner.edi", "stranger.edi");
        hub.awaitSingle("error", "_stranger.edi");
        long failure = JSON.readTree(hub.get("/admin/failures").body()).get(0).path("id").asLong();

        HttpResponse<String> added = save("stranger", STRANGER);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).path("restartNeeded").asBoolean()).isFalse();
        assertThat(Files.readString(partners.resolve("stranger.properties"))).isEqualTo(STRANGER);
        assertThat(JSON.readTree(hub.get("/admin/edi/partners").body()).findValuesAsText("partner")).contains("STRANGER");
        assertThat(JSON.readTree(hub.get("/admin/edi/partners/STRANGER/profile").body()).path("properties").asText()).isEqualTo(STRANGER);

        assertThat(hub.admin("POST", "/admin/failures/" + failure + "/replay", null).statusCode()).isEqualTo(200);
        hub.awaitSingle("done", "-stranger.edi");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'STRANGER'")).isEqualTo(1);
        hub.awaitSingle("outbox/stranger", ".edi", "CONTRL");

        HttpResponse<String> changed = save("stranger", STRANGER.replace("ack = CONTRL", "ack = none"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(hub.get("/admin/edi/partners").body()).findParents("partner").stream()
                .filter(p -> p.path("partner").asText().equals("STRANGER")).findFirst().orElseThrow().path("ack").asText()).isEqualTo("NONE");
    }

    @Test
    void aProfileTheStartWouldRefuseIsRefusedAndNothingChanges() throws Exception {
        HttpResponse<String> incomplete = save("broken", "partner = BROKEN\nstandard = EDIFACT\n");
        HttpResponse<String> sameSender = save("copy", Files.readString(partners.resolve("nordwind.properties")));
        HttpResponse<String> badName = save("Bad.Name", STRANGER);

        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(incomplete.body()).path("detail").asText()).isEqualTo("Partner profile broken.properties has no 'interchange.id'");
        assertThat(sameSender.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(sameSender.body()).path("detail").asText()).contains("NORDWIND");
        assertThat(badName.statusCode()).isIn(400, 404);
        assertThat(partners.resolve("broken.properties")).doesNotExist();
        assertThat(partners.resolve("copy.properties")).doesNotExist();
        assertThat(JSON.readTree(hub.get("/admin/edi/partners").body()).findValuesAsText("partner")).doesNotContain("BROKEN");
    }

    private static HttpResponse<String> save(String file, String properties) {
        ObjectNode body = JSON.createObjectNode().put("properties", properties);
        return hub.admin("PUT", "/admin/edi/profiles/" + file, body.toString());
    }
}
