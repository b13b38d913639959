package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.backofficehub.edi.writing.EdiWriteException;
import org.backofficehub.support.RouteFiles;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 8: an EDI document the hub's writer refuses is a defect, not a retry loop. The
 * inbox's error handling (routeConfiguration file-quarantine in routes/hub-errors.camel.yaml)
 * quarantines the file at once, where an I/O failure is still retried.
 */
class EdiWriteDefectNotRetriedTest {

    @Test
    void aWriterDefectIsQuarantinedAtOnceAndAnIoFailureRetried() throws Exception {
        AtomicInteger quarantined = new AtomicInteger();
        Processor quarantineNote = exchange -> quarantined.incrementAndGet();
        AtomicInteger defectAttempts = new AtomicInteger();
        AtomicInteger ioAttempts = new AtomicInteger();
        try (CamelContext camel = RouteFiles.start(Map.of("quarantineNote", quarantineNote), "hub-errors.camel.yaml")) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:defect").routeConfigurationId("file-quarantine").process(exchange -> {
                        defectAttempts.incrementAndGet();
                        throw new EdiWriteException("acknowledgement refused", new IllegalStateException("ISA05 XX"));
                    });
                    from("direct:io").routeConfigurationId("file-quarantine").process(exchange -> {
                        ioAttempts.incrementAndGet();
                        throw new UncheckedIOException(new java.io.IOException("disk full"));
                    });
                }
            });
            // The file-quarantine retries back off from a second; an I/O failure takes its 3 retries (about 7 s).
            camel.createProducerTemplate().send("direct:defect", exchange -> { });
            camel.createProducerTemplate().send("direct:io", exchange -> { });
        }

        assertThat(defectAttempts).as("a defect: one attempt").hasValue(1);
        assertThat(ioAttempts).as("an I/O failure: retried").hasValue(4);
        assertThat(quarantined).hasValue(2);
    }
}
