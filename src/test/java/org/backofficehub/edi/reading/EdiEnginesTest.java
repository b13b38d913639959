package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.junit.jupiter.api.Test;

/** The engines partner profiles may name, and the Smooks engine only where its jar is installed. */
class EdiEnginesTest {

    /** The JDK's classes alone: no Smooks engine jar on this class path. */
    private static final ClassLoader WITHOUT_SMOOKS_JAR = new URLClassLoader(new URL[0], null);

    @Test
    void aProfileNamingSmooksWhenItsJarIsMissingIsRefusedWithWhatToInstall() {
        PartnerProfiles profiles = profiles("nordwind", "smooks");

        assertThatThrownBy(() -> EdiEngines.check(profiles, WITHOUT_SMOOKS_JAR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Partner NORDWIND asks for the Smooks engine")
                .hasMessageContaining("put backoffice-hub-smooks.jar (built as target/backoffice-hub-smooks.jar) beside backoffice-hub.jar");
    }

    @Test
    void withoutTheSmooksJarProfilesNamingStaediStillPass() {
        PartnerProfiles profiles = profiles("nordwind", "staedi");

        assertThat(EdiEngines.check(profiles, WITHOUT_SMOOKS_JAR)).isSameAs(profiles);
    }

    @Test
    void withTheSmooksJarOnTheClassPathBothDirectoriesAreInstalled() {
        ClassLoader classes = EdiEngines.class.getClassLoader();

        assertThat(SmooksEdifact.installed(classes, "D96A")).isTrue();
        assertThat(SmooksEdifact.installed(classes, "D01B")).isTrue();
        assertThat(EdiEngines.check(profiles("bergmann", "smooks"), classes)).isNotNull();
    }

    private static PartnerProfiles profiles(String partner, String engine) {
        return PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB",
                key -> key.equals("hub.partner." + partner + ".engine") ? engine : null);
    }
}
