package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's profile read and written from the console ({@code GET|PUT /admin/edi/profiles/{file}}):
 * the file's text, checked exactly as at start before it replaces anything, then taken at once
 * without a restart. Only the partner's FTP/SFTP polling is set up at start: a changed remote is
 * saved, and the answer says a restart takes it.
 */
public final class PartnerProfileEditing {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerProfileEditing.class);

    private final PartnerProfiles profiles;
    private final JsonRequest requests;
    private final ObjectMapper json;

    public PartnerProfileEditing(PartnerProfiles profiles, JsonRequest requests, ObjectMapper json) {
        this.profiles = profiles;
        this.requests = requests;
        this.json = json;
    }

    /** {@code GET /admin/edi/partners/{partner}/profile}: the profile's file name and text. */
    public void show(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String partner = message.getHeader("partner", String.class);
        PartnerProfiles.ProfileFile file = profiles.file(partner).orElseThrow(() ->
                new InputRejectedException(ProblemType.NOT_FOUND, "No profile file for partner " + partner));
        JsonReply.write(message, 200, json.writeValueAsBytes(Map.of("partner", partner, "file", file.name(), "properties", file.text())));
    }

    /** {@code PUT /admin/edi/profiles/{file}} with {"properties": "..."}: adds or changes a profile. */
    public void save(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        JsonNode request = requests.object(message);
        JsonNode text = request.path("properties");
        if (!text.isTextual()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "Send {\"properties\": \"<the profile file's text>\"}");
        }
        PartnerProfiles.ProfileFile file = new PartnerProfiles.ProfileFile(message.getHeader("file", String.class), text.asText());
        PartnerProfile profile;
        try {
            profile = profiles.candidate(file);
            EdiEngines.check(new PartnerProfiles(List.of(profile), false, profile.ourId()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        Optional<PartnerProfile> before = profiles.byId(profile.partnerId());
        try {
            profiles.install(file, profile);
        } catch (IllegalStateException e) {
            throw new InputRejectedException(ProblemType.DUPLICATE_INPUT, e.getMessage());
        }
        boolean restartNeeded = before.map(earlier -> !Objects.equals(describe(earlier), describe(profile))).orElse(profile.remote() != null);
        LOG.info("Partner profile {} ({}) saved by {}{}", file.name(), profile.partnerId(),
                message.getHeader(org.backofficehub.security.AccessGate.USER_HEADER), restartNeeded ? "; its FTP/SFTP polling changes at restart" : "");
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("partner", profile.partnerId());
        reply.put("file", file.name());
        reply.put("created", before.isEmpty());
        reply.put("restartNeeded", restartNeeded);
        JsonReply.write(message, before.isEmpty() ? 201 : 200, json.writeValueAsBytes(reply));
    }

    private static String describe(PartnerProfile profile) {
        return profile.remote() == null ? null : profile.remote().describe();
    }
}
