package org.backofficehub.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClasspathTextTest {

    @Test
    void readsAShippedFileWholeAsUtf8() {
        assertThat(ClasspathText.read("db/hub/migrations.txt")).hasValueSatisfying(text -> assertThat(text).contains("V1__hub_store.sql\n"));
    }

    @Test
    void aMissingFileIsEmpty() {
        assertThat(ClasspathText.read("db/hub/no-such-file.txt")).isEmpty();
    }
}
