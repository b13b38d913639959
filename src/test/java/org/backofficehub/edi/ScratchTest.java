package org.backofficehub.edi;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void dump() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
        SegmentWriter w = new SegmentWriter(bytes, EdiStandard.EDIFACT, "3");
        w.segment("UNB", Composite.of("UNOC", "3"), Composite.of("A", "14"), Composite.of("B", "14"), Composite.of("261123", "1200"), "1", "", "ORDRSP");
        System.out.println("after UNB: " + bytes);
        w.segment("UNH", "1", Composite.of("ORDRSP", "D", "96A", "UN"));
        System.out.println("after UNH: " + bytes);
        w.segment("BGM", "231", "100", "29");
        w.segment("UNT", "3", "1");
        w.segment("UNZ", "1", "1");
        w.close();
        } catch (Exception e) { e.printStackTrace(System.out); }
        System.out.println(bytes);
    }
}
