package org.backofficehub.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;
import java.util.TreeMap;

/** Reads an invalid-samples folder's {@code expected-problems.properties}: file name to expected outcome. */
public final class ExpectedProblems {

    private ExpectedProblems() {
    }

    public static TreeMap<String, String> of(String folder) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Samples.path(folder).resolve("expected-problems.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeMap<String, String> expected = new TreeMap<>();
        properties.forEach((file, outcome) -> expected.put((String) file, ((String) outcome).trim()));
        return expected;
    }
}
