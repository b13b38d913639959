package org.backofficehub.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the admin console's page: the page may run the hub's own script
 * and style files (/admin/assets/) and inline blocks it was served with, nothing else, talk only
 * to the hub, and be framed by no one. Inline blocks, if the page has any, are allowed by their
 * SHA-256 hashes, computed from the page as it is served, so an edit to the page needs no edit
 * here, and a script injected into the page (or one changed on the way) does not run.
 */
final class ConsolePagePolicy {

    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    // An inline event handler (onclick="...") or style attribute would be blocked by the policy: the
    // page adds its listeners in its script and its styles in its style block.
    private static final Pattern INLINE_ATTRIBUTE = Pattern.compile("<[a-zA-Z][^>]*\\s(on[a-zA-Z]+|style)\\s*=");

    private ConsolePagePolicy() {
    }

    static String of(String page) {
        String markup = STYLE.matcher(SCRIPT.matcher(page).replaceAll("")).replaceAll("");
        if (INLINE_ATTRIBUTE.matcher(markup).find()) {
            throw new IllegalStateException("The admin console page has an inline event handler (on...=) or style attribute,"
                    + " which its Content-Security-Policy blocks: add the listener in the page's script, the style in its style block");
        }
        return "default-src 'none'; script-src " + sources(SCRIPT, page) + "; style-src " + sources(STYLE, page)
                + "; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    private static String sources(Pattern block, String page) {
        List<String> hashes = new ArrayList<>();
        for (Matcher inline = block.matcher(page); inline.find(); ) {
            // The browser hashes the text as its parser read it, with line breaks made \n.
            hashes.add("'sha256-" + sha256(inline.group(1).replace("\r\n", "\n").replace('\r', '\n')) + "'");
        }
        hashes.add(0, "'self'");
        return String.join(" ", hashes);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
