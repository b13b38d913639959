package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22: replaying a notice failure was announced as "back in the inbox as undefined". */
class FailureReplaySummaryTest {

    @Test
    void eachKindOfReplaySaysWhatItDid() {
        assertThat(FailureReplays.summary(Map.of("redelivery", "queued"))).isEqualTo("queued for delivery again");
        assertThat(FailureReplays.summary(Map.of("redelivery", "nothing to redeliver"))).isEqualTo("nothing to redeliver");
        assertThat(FailureReplays.summary(Map.of("followUp", "queued"))).isEqualTo("queued for follow-up again");
        assertThat(FailureReplays.summary(Map.of("erpOrderNumber", "100042", "alreadyBooked", true))).isEqualTo("ERP order 100042 (booked before)");
        assertThat(FailureReplays.summary(Map.of("outboxFile", "data/outbox/acme/x.edi"))).isEqualTo("back in the outbox as data/outbox/acme/x.edi");
        assertThat(FailureReplays.summary(Map.of("shipment", "shipment 7 of order web/W-1 by DHL taken"))).contains("shipment 7");
        assertThat(FailureReplays.summary(Map.of("trackingId", "abc"))).isEqualTo("staged, tracking id abc");
    }
}
