package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guides encode the published standard, not the hub's samples: orders shaped as real partners
 * send them (no buyer, no price, GTIN/UPC item numbers, schedules, sub-lines, notes, allowances)
 * are well-formed; what the standard forbids (a segment out of order, a mandatory one missing) is
 * still found where it is. Each message is read both ways, the compiled guide first (the hub's
 * fast path) and StAEDI validating everything, and both must say the same.
 */
class StandardGuidesTest {

    private static final TransactionSchemas SCHEMAS = new TransactionSchemas();
    private static final InterchangeReader GUIDED = new InterchangeReader(SCHEMAS);
    private static final InterchangeReader EXHAUSTIVE = InterchangeReader.exhaustive(SCHEMAS);

    /** A retail 850 as VICS partners send it: ship-to, bill-to and vendor only, UPC/GTIN/buyer item numbers, no PO104. */
    private static List<String> retail850Body(String date) {
        return List.of(
                "BEG*00*SA*4500012345**" + date + "*CONTRACT-77",
                "CUR*BY*USD",
                "REF*DP*042",
                "REF*IA*3688063*VENDOR NAME",
                "PER*BD*Roxan Vecera*TE*972-406-3406*EM*buyer@example.com",
                "CTP**RES*12.99",
                "SAC*A*C310***1500********Early order allowance",
                "ITD*01*3*2**30**60",
                "DTM*002*" + date,
                "TD5*****UPSG",
                "N9*L1*SPECIAL INSTRUCTIONS",
                "MSG*Order Origination: Dallas, TX",
                "N1*ST*DISTRIBUTION CENTER*92*002",
                "N2*Receiving dock 4",
                "N3*2201 LOEW ROAD*Building B",
                "N4*MARION*IN*46952*USA",
                "N1*BT*Dunham's Sports*92*BT-01",
                "N3*5000 Dixie Hwy",
                "N4*Waterford*MI*48329*US",
                "N1*VN*Badger Sportswear*92*7048710990",
                "PO1*00010*5*EA***UP*840235000938*IN*9201880*VN*4104BK",
                "CTP**RES*12.99",
                "PID*F*08***7\" MESH TRICOT SHORT",
                "SAC*C*D240***250",
                "SCH*3*EA***002*" + date,
                "SCH*2*EA***002*" + date,
                "N9*L1*SPECIAL INSTRUCTIONS",
                "MSG*Line 10: CPSIA Lead Testing Required",
                "SLN*1**I*2*EA*3.55***IN*2456987*UP*105647894512",
                "PID*F*08***Component",
                "AMT*1*28.75",
                "PO1*00020*2*CA*41.50**EN*04006381333931*UK*14006381333938",
                "PID*F*08***Drink bottle, case of 12",
                "CTT*2*7",
                "AMT*GV*117.75");
    }

    private static String x12(String version, List<String> body) {
        boolean v3 = version.startsWith("003");
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *01*130630494      *12*7048710990     *110816*1330*U*"
                + (v3 ? "00305" : "00403") + "*000000002*0*P*>");
        segments.add("GS*PO*130630494*7048710990*" + (v3 ? "110816" : "20110816") + "*1330*2*X*" + version + "VICS");
        segments.add("ST*850*0001");
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 2) + "*0001");
        segments.add("GE*1*2");
        segments.add("IEA*1*000000002");
        return String.join("~\n", segments) + "~\n";
    }

    private static String retail850(String version, String date) {
        return x12(version, retail850Body(date));
    }

    /** An EANCOM order: GTIN item numbers (:SRV), no price, allowances, packaging and free text. */
    private static List<String> eancomBody() {
        return List.of(
                "BGM+220+PO-4711+9",
                "DTM+137:20261120:102",
                "DTM+2:20261127:102",
                "FTX+DEL+++Please deliver to the rear entrance",
                "RFF+CT:RAHMEN-2026",
                "NAD+DP+4012345000016::9",
                "NAD+SU+4099999000009::9",
                "CTA+PD+:Einkauf",
                "COM+einkauf@example.com:EM",
                "CUX+2:EUR:9",
                "ALC+A++++DI",
                "PCD+3:2.5",
                "LIN+1++4000862141404:SRV",
                "PIA+1+ART-77:SA+4711:IN",
                "IMD+F++:::Kaffee, ganze Bohne, 1 kg",
                "QTY+21:48:PCE",
                "DTM+2:20261127:102",
                "FTX+AAA+++Bio-Ware",
                "PAC+4++CT",
                "PCI+33E",
                "ALC+A++++DI",
                "MOA+204:12.50",
                "LIN+2++4000862141411:SRV",
                "QTY+21:12",
                "UNS+S",
                "CNT+2:2");
    }

    private static String edifact(String directory, String association, List<String> body) {
        List<String> segments = new ArrayList<>();
        segments.add("UNB+UNOC:3+4012345000009:14+4099999000009:14+261120:1130+NW0815");
        segments.add("UNH+M1+ORDERS:D:" + directory.substring(1) + ":UN:" + association);
        segments.addAll(body);
        segments.add("UNT+" + (body.size() + 2) + "+M1");
        segments.add("UNZ+1+NW0815");
        return "UNA:+.? '" + String.join("'\n", segments) + "'\n";
    }

    private static String eancomOrders(String directory, String association) {
        return edifact(directory, association, eancomBody());
    }

    /** The body with one segment moved: removed where it was, put in before {@code before}; its position (UNH/ST 1) in the result. */
    private static List<String> moved(List<String> body, String segment, String before) {
        List<String> changed = new ArrayList<>(body);
        changed.remove(segment);
        changed.add(changed.indexOf(before), segment);
        return changed;
    }

    @ParameterizedTest
    @CsvSource({"004030, 20261120", "003050, 261120", "004010, 20261120", "005010, 20261120", "003040, 261120", "003060, 261120"})
    void aRetail850WithoutBuyerPriceOrVendorNumberIsWellFormed(String version, String date) {
        String x12 = retail850(version, date);
        List<EdiMessage> messages = read(GUIDED, x12);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).errors()).as(version).isEmpty();
        assertThat(read(EXHAUSTIVE, x12).get(0).errors()).as(version).isEmpty();
        // The compiled guide confirms it on its own: such orders stay on the fast path.
        MessageGuide guide = SCHEMAS.guide(EdiStandard.X12, "850", version);
        assertThat(guide.accepts(messages.get(0).segments(), '.')).isTrue();
    }

    @Test
    void syntaxVersion4NamesEveryPublishedDirectoryThoughStaediListsReleasesOnlyTo02A() {
        String syntax4 = eancomOrders("D03B", "EAN010").replace("UNA:+.? '", "UNA:+.?*'").replace("UNOC:3", "UNOC:4")
                .replace("+261120:1130+", "+20261120:1130+");
        assertThat(read(EXHAUSTIVE, syntax4).get(0).errors()).isEmpty();
        assertThat(read(GUIDED, syntax4).get(0).errors()).isEmpty();
        String noRelease = syntax4.replace("ORDERS:D:03B:", "ORDERS:D:3BB:");
        assertThat(read(EXHAUSTIVE, noRelease).get(0).errors()).extracting(SyntaxError::segmentTag, SyntaxError::error)
                .contains(org.assertj.core.groups.Tuple.tuple("UNH", EDIStreamValidationError.INVALID_CODE_VALUE));
    }

    @Test
    void syntaxNotesAreTheStandardsOwn() {
        // SAC C1615: a language (SAC16) needs the description it is the language of (SAC15), not a SAC17.
        String described = retail850("004010", "20261120").replace("SAC*C*D240***250~", "SAC*C*D240***250**********Freight*EN~");
        assertThat(described).contains("Freight*EN");
        assertThat(read(EXHAUSTIVE, described).get(0).errors()).isEmpty();
        assertThat(read(GUIDED, described).get(0).errors()).isEmpty();
        String languageAlone = described.replace("**********Freight*EN~", "***********EN~");
        assertThat(read(GUIDED, languageAlone).get(0).errors()).extracting(SyntaxError::segmentTag, SyntaxError::elementPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SAC", 15));
        // N1 P0304: an id qualifier needs its id.
        String qualifierAlone = retail850("004010", "20261120").replaceFirst("N1\\*ST\\*([^~*]*)\\*92\\*[^~]*~", "N1*ST*$1*92~");
        assertThat(read(GUIDED, qualifierAlone).get(0).errors()).extracting(SyntaxError::segmentTag, SyntaxError::error)
                .contains(org.assertj.core.groups.Tuple.tuple("N1", EDIStreamValidationError.CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING));
        assertThat(transcript(GUIDED, qualifierAlone)).isEqualTo(transcript(EXHAUSTIVE, qualifierAlone));
    }

    @Test
    void beg04IsTheStandardsThirtyCharactersNotEight() {
        String x12 = retail850("004030", "20261120").replace("BEG*00*SA*4500012345**", "BEG*00*SA*4500012345*RELEASE-2026-000017*");
        assertThat(x12).contains("RELEASE-2026-000017");
        assertThat(read(EXHAUSTIVE, x12).get(0).errors()).isEmpty();
        String tooLong = x12.replace("RELEASE-2026-000017", "R".repeat(31));
        assertThat(read(GUIDED, tooLong).get(0).errors()).singleElement().satisfies(error -> {
            assertThat(error.error()).isEqualTo(EDIStreamValidationError.DATA_ELEMENT_TOO_LONG);
            assertThat(error.segmentTag()).isEqualTo("BEG");
            assertThat(error.elementPosition()).isEqualTo(4);
        });
    }

    @Test
    void beforeVersion4010ADateIsSixDigitsAndFromItEight() {
        String eightIn3050 = retail850("003050", "261120").replace("BEG*00*SA*4500012345**261120", "BEG*00*SA*4500012345**20261120");
        assertThat(read(GUIDED, eightIn3050).get(0).errors()).extracting(SyntaxError::segmentTag, SyntaxError::error)
                .contains(org.assertj.core.groups.Tuple.tuple("BEG", EDIStreamValidationError.DATA_ELEMENT_TOO_LONG));
        String sixIn4010 = retail850("004010", "20261120").replace("BEG*00*SA*4500012345**20261120", "BEG*00*SA*4500012345**261120");
        assertThat(read(GUIDED, sixIn4010).get(0).errors()).extracting(SyntaxError::segmentTag, SyntaxError::error)
                .contains(org.assertj.core.groups.Tuple.tuple("BEG", EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT));
    }

    @ParameterizedTest
    @CsvSource({"D96A, EAN008", "D01B, EAN010", "D93A, EAN007", "D97A, EAN008", "D99B, EAN009", "D03B, EAN010"})
    void anEancomOrderWithGtinsAndNoPricesIsWellFormed(String directory, String association) {
        String edifact = eancomOrders(directory, association);
        List<EdiMessage> messages = read(GUIDED, edifact);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).errors()).as(directory).isEmpty();
        assertThat(read(EXHAUSTIVE, edifact).get(0).errors()).as(directory).isEmpty();
        MessageGuide guide = SCHEMAS.guide(EdiStandard.EDIFACT, "ORDERS", directory);
        assertThat(guide.accepts(messages.get(0).segments(), '.')).isTrue();
    }

    @Test
    void repeatedItemNumbersAreReadAsSyntax3AndSyntax4WriteThem() {
        String consecutive = eancomOrders("D96A", "EAN008");
        String repeated = consecutive.replace("UNA:+.? '", "UNA:+.?*'").replace("UNOC:3", "UNOC:4").replace("+261120:1130+", "+20261120:1130+")
                .replace("PIA+1+ART-77:SA+4711:IN", "PIA+1+ART-77:SA*4711:IN");
        assertThat(repeated).contains("PIA+1+ART-77:SA*4711:IN");
        assertThat(read(GUIDED, consecutive).get(0).errors()).isEmpty();
        assertThat(read(GUIDED, repeated).get(0).errors()).isEmpty();
    }

    @Test
    void aMissingBegIsReportedWhereItBelongs() {
        List<String> body = new ArrayList<>(retail850Body("20261120"));
        body.remove(0);
        String x12 = x12("004030", body);
        assertThat(read(GUIDED, x12).get(0).errors()).first().satisfies(error -> {
            assertThat(error.error()).isEqualTo(EDIStreamValidationError.MANDATORY_SEGMENT_MISSING);
            assertThat(error.segmentTag()).isEqualTo("BEG");
            assertThat(error.segmentPosition()).isEqualTo(2);
        });
        assertThat(transcript(GUIDED, x12)).isEqualTo(transcript(EXHAUSTIVE, x12));
    }

    @Test
    void aHeadingSegmentAfterTheLinesIsOutOfOrder() {
        // The heading's carrier (TD5) moved into the summary, between CTT and its AMT: no position there takes it.
        List<String> body = moved(retail850Body("20261120"), "TD5*****UPSG", "AMT*GV*117.75");
        String x12 = x12("004030", body);
        List<SyntaxError> errors = read(GUIDED, x12).get(0).errors();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.segmentTag()).isEqualTo("TD5");
            assertThat(error.segmentPosition()).isEqualTo(body.indexOf("TD5*****UPSG") + 2);
            assertThat(error.aboutSegment()).isTrue();
        });
        assertThat(transcript(GUIDED, x12)).isEqualTo(transcript(EXHAUSTIVE, x12));
    }

    @Test
    void aMissingBgmAndASegmentOutOfOrderAreReportedWhereTheyAre() {
        List<String> withoutBgm = new ArrayList<>(eancomBody());
        withoutBgm.remove(0);
        String missing = edifact("D96A", "EAN008", withoutBgm);
        assertThat(read(GUIDED, missing).get(0).errors()).first().satisfies(error -> {
            assertThat(error.error()).isEqualTo(EDIStreamValidationError.MANDATORY_SEGMENT_MISSING);
            assertThat(error.segmentTag()).isEqualTo("BGM");
        });
        assertThat(transcript(GUIDED, missing)).isEqualTo(transcript(EXHAUSTIVE, missing));

        // CUX (SG7) before NAD (SG2): the parties' group may not follow the currencies'.
        List<String> body = moved(eancomBody(), "CUX+2:EUR:9", "NAD+DP+4012345000016::9");
        String outOfOrder = edifact("D96A", "EAN008", body);
        List<SyntaxError> errors = read(GUIDED, outOfOrder).get(0).errors();
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).segmentTag()).isEqualTo("NAD");
        assertThat(errors.get(0).segmentPosition()).isEqualTo(body.indexOf("NAD+DP+4012345000016::9") + 2);
        assertThat(transcript(GUIDED, outOfOrder)).isEqualTo(transcript(EXHAUSTIVE, outOfOrder));
    }

    @ParameterizedTest
    @CsvSource({
            "X12, 850, 004010, 004010, true", "X12, 850, 004030, 004030, true", "X12, 850, 003050, 003050, true",
            "X12, 850, 004020, 004030, true", "X12, 850, 003010, 003040, true", "X12, 850, 002040, 003040, false", "X12, 850, 006020, 005010, true",
            "X12, 850, 005020, 005010, true", "X12, 850, '', 005010, false",
            "EDIFACT, ORDERS, D96A, D96A, true", "EDIFACT, ORDERS, D96B, D96A, true", "EDIFACT, ORDERS, D03A, D03B, true",
            "EDIFACT, ORDERS, D95B, D96A, true", "EDIFACT, ORDERS, D11A, D03B, true", "EDIFACT, ORDERS, D00A, D99B, true",
            "EDIFACT, ORDERS, D19B, D03B, true", "EDIFACT, ORDERS, D92B, D93A, false", "EDIFACT, ORDERS, S93A, D03B, false"})
    void aVersionWithoutAGuideIsReadWithTheNearestAndSaysSo(EdiStandard standard, String type, String version, String readAs,
                                                            boolean readWithoutProfile) {
        TransactionSchemas.Selection selection = SCHEMAS.select(standard, type, version);
        assertThat(selection.readAs()).isEqualTo(readAs);
        assertThat(selection.exact()).isEqualTo(version.equals(readAs));
        if (selection.exact()) {
            assertThat(selection.note()).isNull();
        } else {
            assertThat(selection.note()).contains(readAs + " guide");
        }
        // Newer than the oldest guide: read for any partner; older: only when the profile agrees it.
        assertThat(TransactionSchemas.supports(standard, type, version, null)).isEqualTo(readWithoutProfile);
        assertThat(TransactionSchemas.supports(standard, type, version, version)).isEqualTo(!version.isEmpty());
    }

    @Test
    void aMessageTypeWithoutAGuideHasNone() {
        assertThat(SCHEMAS.select(EdiStandard.X12, "860", "004010")).isNull();
        assertThat(TransactionSchemas.readAs(EdiStandard.EDIFACT, "INVOIC", "D96A")).isNull();
        assertThat(TransactionSchemas.supports(EdiStandard.X12, "860", "004010", "004010")).isFalse();
    }

    private static List<EdiMessage> read(InterchangeReader reader, String text) {
        List<EdiMessage> messages = new ArrayList<>();
        try {
            reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1,
                    new InterchangeListener() {
                        @Override
                        public void interchangeStarted(Envelope envelope) {
                        }

                        @Override
                        public void message(EdiMessage message) {
                            messages.add(message);
                        }

                        @Override
                        public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
                            assertThat(errors).as("envelope").isEmpty();
                        }
                    });
        } catch (InterchangeSyntaxException e) {
            throw new AssertionError(e);
        }
        return messages;
    }

    private static List<String> transcript(InterchangeReader reader, String text) {
        return read(reader, text).stream().map(message -> message.type() + " " + message.errors()).toList();
    }
}
