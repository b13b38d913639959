package org.backofficehub.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClasspathTextTest {

    @Test
    void readsAShippedFileWholeAsUtf8() {
        assertThat(ClasspathText.read("admin/console.html")).hasValueSatisfying(text -> assertThat(text).contains("<html"));
    }

    @Test
    void aMissingFileIsEmpty() {
        assertThat(ClasspathText.read("db/hub/no-such-file.txt")).isEmpty();
    }
}
