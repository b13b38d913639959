package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ResolveEndpointFailedException;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smooks.api.SmooksException;

/** The steps around the Smooks engine's smooks: endpoint that need no Smooks. */
class SmooksEdifactTest {

    private final SmooksEdifact smooks = new SmooksEdifact();

    @Test
    void interchangesAreHandedToSmooksAsTextDecodedInTheFilesEncoding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.edi");
        Files.write(file, ("UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1200+1'UNH+1+ORDERS:D:96A:UN'FTX+AAI+++Kaffeerösterei'UNT+3+1'UNZ+1+1'\n"
                + "UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1201+2'UNZ+0+2'").getBytes(StandardCharsets.ISO_8859_1));

        List<String> texts = new ArrayList<>();
        try (SmooksEdifact.Interchanges interchanges = smooks.interchanges(file, StandardCharsets.ISO_8859_1)) {
            while (interchanges.hasNext()) {
                try (Reader text = interchanges.next()) {
                    StringWriter read = new StringWriter();
                    text.transferTo(read);
                    texts.add(read.toString().trim());
                }
            }
        }

        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("Kaffeerösterei").endsWith("UNZ+1+1'");
        assertThat(texts.get(1)).startsWith("UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1201+2'");
    }

    @Test
    void anInterchangeSmooksCannotReadEndsTheEventsAfterThoseBeforeIt() throws Exception {
        InterchangeEvents.Recorder file = smooks.recorder();
        InterchangeEvents.Recorder first = InterchangeEvents.recorder();
        Envelope envelope = new Envelope(EdiStandard.EDIFACT, "A", "ZZZ", "B", "ZZZ", "1", "UNOC", "3", false,
                "261123", "1200");
        first.interchangeStarted(envelope);
        first.interchangeEnded(envelope, List.of());
        smooks.read(file, first.events(null));

        InterchangeEvents events = smooks.refused(file, new RuntimeException("split",
                new SmooksException("Failed to filter source", new IllegalArgumentException("Parse Error:  separator '+'\n not found"))));

        List<String> heard = new ArrayList<>();
        InterchangeListener listener = new InterchangeListener() {
            @Override
            public void interchangeStarted(Envelope started) {
                heard.add("started " + started.controlNumber());
            }

            @Override
            public void message(EdiMessage message) {
                heard.add("message");
            }

            @Override
            public void interchangeEnded(Envelope ended, List<SyntaxError> errors) {
                heard.add("ended " + ended.controlNumber());
            }
        };
        events.next().deliverTo(listener);
        events.next().deliverTo(listener);
        assertThat(heard).containsExactly("started 1", "ended 1");
        assertThatThrownBy(events::next).isInstanceOf(InterchangeSyntaxException.class)
                .hasMessage("Smooks cannot read the interchange: Parse Error: separator '+' not found");
    }

    @Test
    void aFailureThatIsNotSmooksReadingIsNoRefusalOfTheFile() {
        InterchangeEvents.Recorder file = smooks.recorder();
        ResolveEndpointFailedException noEngine = new ResolveEndpointFailedException("smooks:edi/smooks/edifact-D96A.xml", "no component");
        SmooksException staleSchema = new SmooksException("Failed to filter source", new SmooksEdifact.WrongSchema("stale"));

        assertThatThrownBy(() -> smooks.refused(file, noEngine)).isSameAs(noEngine);
        assertThatThrownBy(() -> smooks.refused(file, staleSchema)).isSameAs(staleSchema);
    }
}
