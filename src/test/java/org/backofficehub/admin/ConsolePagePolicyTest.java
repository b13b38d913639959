package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConsolePagePolicyTest {

    @Test
    void eachInlineBlockIsAllowedByItsHashBesideTheHubsOwnFilesAndNothingElse() throws Exception {
        String policy = ConsolePagePolicy.of("<style>b{}</style><script>a()</script><p>x</p><script>c()</script>");

        assertThat(policy).contains("script-src 'self' '" + sha256("a()") + "' '" + sha256("c()") + "';",
                "style-src 'self' '" + sha256("b{}") + "';", "default-src 'none'", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe");
    }

    @Test
    void aPageWithoutInlineBlocksRunsTheHubsOwnFilesOnly() {
        assertThat(ConsolePagePolicy.of("<p>x</p>")).contains("script-src 'self';", "style-src 'self';");
    }

    @Test
    void lineBreaksAreHashedAsTheBrowserReadsThem() throws Exception {
        assertThat(ConsolePagePolicy.of("<script>a()\r\nb()\r</script>")).contains(sha256("a()\nb()\n"));
    }

    @Test
    void inlineHandlersAndStyleAttributesWouldBeBlockedSoThePageIsRefused() {
        assertThatThrownBy(() -> ConsolePagePolicy.of("<button onclick=\"go()\">Go</button>")).hasMessageContaining("inline event handler");
        assertThatThrownBy(() -> ConsolePagePolicy.of("<h1 style='color:red'>x</h1>")).hasMessageContaining("style attribute");
    }

    @Test
    void handlerLikeTextInTheScriptIsNoHandler() {
        assertThat(ConsolePagePolicy.of("<script>if (a <b onclick= 1) {}</script>")).startsWith("default-src 'none'");
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
