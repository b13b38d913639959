package org.backofficehub.edi.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a file of EDIFACT interchanges into one byte range per interchange: each starts at a UNA,
 * or at a UNB not preceded by its UNA. Delimiters come from each UNA (else the UNOC defaults), and
 * a released terminator (?') does not end a segment.
 */
final class EdifactInterchanges {

    private EdifactInterchanges() {
    }

    static List<byte[]> split(byte[] file) {
        List<Integer> starts = new ArrayList<>();
        char terminator = '\'';
        char release = '?';
        int segmentStart = skipWhitespace(file, 0);
        boolean afterUna = false;
        int i = segmentStart;
        while (i < file.length) {
            if (startsWith(file, segmentStart, "UNA") && i == segmentStart) {
                starts.add(segmentStart);
                if (segmentStart + 8 < file.length) {
                    release = (char) file[segmentStart + 6];
                    terminator = (char) file[segmentStart + 8];
                }
                i = segmentStart + 9;
                segmentStart = skipWhitespace(file, i);
                i = segmentStart;
                afterUna = true;
                continue;
            }
            if (i == segmentStart && startsWith(file, segmentStart, "UNB")) {
                if (!afterUna) {
                    starts.add(segmentStart);
                }
                afterUna = false;
            }
            char c = (char) file[i];
            if (c == release) {
                i += 2;
                continue;
            }
            if (c == terminator) {
                segmentStart = skipWhitespace(file, i + 1);
                i = segmentStart;
                continue;
            }
            i++;
        }
        List<byte[]> interchanges = new ArrayList<>();
        if (starts.isEmpty()) {
            interchanges.add(file);
            return interchanges;
        }
        for (int n = 0; n < starts.size(); n++) {
            int end = n + 1 < starts.size() ? starts.get(n + 1) : file.length;
            interchanges.add(Arrays.copyOfRange(file, starts.get(n), end));
        }
        return interchanges;
    }

    private static boolean startsWith(byte[] file, int at, String tag) {
        return at + tag.length() <= file.length && file[at] == tag.charAt(0) && file[at + 1] == tag.charAt(1) && file[at + 2] == tag.charAt(2);
    }

    private static int skipWhitespace(byte[] file, int from) {
        int i = from;
        while (i < file.length && (file[i] == '\n' || file[i] == '\r' || file[i] == ' ' || file[i] == '\t')) {
            i++;
        }
        return i;
    }
}
