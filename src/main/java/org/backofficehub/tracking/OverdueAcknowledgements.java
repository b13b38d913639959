package org.backofficehub.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.store.HubStoreException;

/**
 * Documents sent to partners whose acknowledgement (CONTRL, 997, 999) has not come back within the
 * partner profile's {@code ack.expected-within}: outbound interchanges still {@code awaited} in
 * edi_interchange and older than the window. A partner whose profile names no window has none
 * overdue. Read from the record the EDI path keeps anyway; nothing is written for it.
 */
public final class OverdueAcknowledgements {

    private final DataSource hubStore;
    private final PartnerProfiles profiles;
    private final Clock clock;

    public OverdueAcknowledgements(DataSource hubStore, PartnerProfiles profiles, Clock clock) {
        this.hubStore = hubStore;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Whether a document sent to the partner at this time, still awaiting its acknowledgement, is overdue now. */
    public boolean overdue(String partnerId, Instant sentAt) {
        Duration window = window(partnerId);
        return window != null && sentAt.plus(window).isBefore(clock.instant());
    }

    /** The overdue documents (of one partner, or of all when null), oldest first. */
    public List<Map<String, Object>> list(String partnerId, int limit) {
        List<Map<String, Object>> overdue = new ArrayList<>();
        try (Connection connection = hubStore.getConnection()) {
            for (PartnerProfile partner : withWindow(partnerId)) {
                Instant cutoff = clock.instant().minus(partner.ackExpectedWithin());
                overdue.addAll(Rows.query(connection, "SELECT control_number, group_number, document_type, messages, file_name, created_at"
                        + " FROM edi_interchange WHERE direction = 'out' AND partner_id = ? AND ack_status = 'awaited' AND created_at < ?"
                        + " ORDER BY created_at FETCH FIRST " + limit + " ROWS ONLY", row -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("partner", partner.partnerId());
                            view.put("controlNumber", row.getString("control_number"));
                            ItemSummaries.putIfPresent(view, "groupNumber", row.getString("group_number"));
                            view.put("documentType", row.getString("document_type"));
                            view.put("messages", row.getInt("messages"));
                            view.put("fileName", row.getString("file_name"));
                            Instant sent = Rows.instant(row, "created_at");
                            view.put("sentAt", sent);
                            view.put("dueAt", sent.plus(partner.ackExpectedWithin()));
                            view.put("expectedWithin", partner.ackExpectedWithin().toString());
                            return view;
                        }, partner.partnerId(), cutoff));
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot list overdue acknowledgements: " + e.getMessage(), e);
        }
        overdue.sort((a, b) -> ((Instant) a.get("sentAt")).compareTo((Instant) b.get("sentAt")));
        return overdue.size() > limit ? overdue.subList(0, limit) : overdue;
    }

    /** How many are overdue per partner with a window (zero included), for the gauge. */
    public Map<String, Long> countByPartner() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = hubStore.getConnection()) {
            for (PartnerProfile partner : withWindow(null)) {
                Instant cutoff = clock.instant().minus(partner.ackExpectedWithin());
                counts.put(partner.partnerId(), Rows.query(connection, "SELECT COUNT(*) FROM edi_interchange WHERE direction = 'out'"
                        + " AND partner_id = ? AND ack_status = 'awaited' AND created_at < ?", row -> row.getLong(1),
                        partner.partnerId(), cutoff).get(0));
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count overdue acknowledgements: " + e.getMessage(), e);
        }
        return counts;
    }

    /** The partners whose profile names a window (one of them if asked for). */
    public List<PartnerProfile> withWindow(String partnerId) {
        return profiles.all().stream().filter(p -> p.ackExpectedWithin() != null)
                .filter(p -> partnerId == null || p.partnerId().equals(partnerId)).toList();
    }

    private Duration window(String partnerId) {
        return profiles.byId(partnerId).map(PartnerProfile::ackExpectedWithin).orElse(null);
    }
}
