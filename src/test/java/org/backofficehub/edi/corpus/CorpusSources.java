package org.backofficehub.edi.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each corpus file comes from, as the corpus's SOURCES.md lists it (a table row per file:
 * repository, path in it, license, commit): the note a golden record carries of its input.
 */
public final class CorpusSources {

    /** | folder/file | [owner/repo](url) | `path` | license | commit | notes | */
    private static final Pattern ROW = Pattern.compile("^\\| (\\S+) \\| \\[([^\\]]+)\\]\\([^)]*\\) \\| `([^`]*)` \\| ([^|]*) \\| (\\S+) \\|");

    private final Map<String, String> notes = new HashMap<>();

    private CorpusSources() {
    }

    public static CorpusSources read(Path corpus) {
        CorpusSources sources = new CorpusSources();
        try {
            for (String row : Files.readAllLines(corpus.resolve("SOURCES.md"), StandardCharsets.UTF_8)) {
                Matcher m = ROW.matcher(row);
                if (m.find()) {
                    sources.notes.put(m.group(1), m.group(2) + " " + m.group(3) + " at " + m.group(5) + " (" + m.group(4).trim() + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** "owner/repo path at commit (license)", or null when SOURCES.md does not list the file. */
    public String of(String file) {
        return notes.get(file);
    }
}
