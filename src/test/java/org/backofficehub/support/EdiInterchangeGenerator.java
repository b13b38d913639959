package org.backofficehub.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes large, valid interchanges: EDIFACT ORDERS (D96A, EANCOM-style) or X12 850 (004010) from a
 * partner in config/partners, each message an order of three lines. Used by tests (ReadAheadTest)
 * and by the EDI benchmark under bench/, so it lives with the tests: tests never depend on bench code.
 */
public final class EdiInterchangeGenerator {

    private static final String[] SKUS = {"SKU-1001", "SKU-1002", "SKU-1003", "SKU-2001", "SKU-2002", "SKU-3002", "SKU-5001"};

    private EdiInterchangeGenerator() {
    }

    /** An EDIFACT interchange from NORDWIND with {@code messages} ORDERS messages; returns the file's size. */
    public static long edifact(Path file, String controlNumber, long messages) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("UNA:+.? '\nUNB+UNOC:3+4012345000009:14+5790000000004:14+261123:1015+" + controlNumber + "++ORDERS'\n");
            for (long m = 1; m <= messages; m++) {
                StringBuilder message = new StringBuilder(600);
                message.append("UNH+").append(m).append("+ORDERS:D:96A:UN:EAN008'\n");
                message.append("BGM+220+BENCH-").append(controlNumber).append('-').append(m).append("+9'\n");
                message.append("DTM+137:20261120:102'\nDTM+2:20261127:102'\n");
                message.append("NAD+BY+4012345000016::9++Nordwind Kaffeehandel GmbH+Hafenstrasse 12+Hamburg++20457+DE'\n");
                message.append("CTA+PD+:Anna Berger'\nCOM+anna.berger@nordwind.example:EM'\n");
                message.append("NAD+DP+4012345000023::9++Nordwind Lager Ost+Lagerweg 5+Berlin++10115+DE'\n");
                message.append("CUX+2:EUR:9'\n");
                int segments = 9; // UNH to CUX
                for (int line = 1; line <= 3; line++) {
                    String sku = SKUS[(int) ((m + line) % SKUS.length)];
                    message.append("LIN+").append(line).append("++").append(sku).append(":SA'\n");
                    message.append("IMD+F++:::Item ").append(sku).append("'\n");
                    message.append("QTY+21:").append(1 + (m + line) % 12).append("'\n");
                    message.append("PRI+AAA:6.50'\n");
                    segments += 4;
                }
                message.append("UNS+S'\nCNT+2:3'\n");
                segments += 2;
                message.append("UNT+").append(segments + 1).append('+').append(m).append("'\n");
                out.append(message);
            }
            out.write("UNZ+" + messages + "+" + controlNumber + "'\n");
        }
        return Files.size(file);
    }

    /** An X12 004010 interchange from ACME with {@code sets} 850 transaction sets in one group. */
    public static long x12(Path file, long interchangeNumber, long sets) throws IOException {
        String icn = String.format("%09d", interchangeNumber);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*BACKOFFICEHUB  *261123*1015*U*00401*" + icn + "*0*P*>~\n");
            out.write("GS*PO*ACMERETAIL*BACKOFFICEHUB*20261123*1015*" + interchangeNumber + "*X*004010~\n");
            for (long s = 1; s <= sets; s++) {
                String control = String.format("%04d", s);
                StringBuilder set = new StringBuilder(600);
                set.append("ST*850*").append(control).append("~\n");
                set.append("BEG*00*SA*BENCH-").append(interchangeNumber).append('-').append(s).append("**20261120~\n");
                set.append("CUR*BY*USD~\nN1*BY*Acme Coffee Supply Inc*92*ACME-001~\nN3*100 Main Street~\n");
                set.append("N4*Springfield*IL*62701*US~\nPER*BD*John Doe*EM*john.doe@acme.example~\n");
                int segments = 7;
                for (int line = 1; line <= 3; line++) {
                    String sku = SKUS[(int) ((s + line) % SKUS.length)];
                    String unit = sku.startsWith("SKU-2") ? "KG" : "EA"; // the coffee beans are sold by the kilogram
                    set.append("PO1*").append(line).append('*').append(1 + (s + line) % 12).append('*').append(unit).append("*6.50**VP*")
                            .append(sku).append("~\n");
                    set.append("PID*F****Item ").append(sku).append("~\n");
                    segments += 2;
                }
                set.append("CTT*3~\n");
                segments += 1;
                set.append("SE*").append(segments + 1).append('*').append(control).append("~\n");
                out.append(set);
            }
            out.write("GE*" + sets + "*" + interchangeNumber + "~\nIEA*1*" + icn + "~\n");
        }
        return Files.size(file);
    }
}
