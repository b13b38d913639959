package org.backofficehub.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A UTF-8 text file shipped on the hub's classpath (a page, a list, a script), read whole. */
public final class ClasspathText {

    private ClasspathText() {
    }

    /** Empty if there is no such resource; {@code path} is relative to the classpath's root. */
    public static Optional<String> read(String path) {
        try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from the classpath", e);
        }
    }
}
