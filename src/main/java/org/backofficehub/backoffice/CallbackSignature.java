package org.backofficehub.backoffice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Signs the web store's callbacks as the platforms sign theirs, so the receiver can tell the hub's
 * notices from anyone else's: {@code X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256 of the
 * body>} keyed with {@code hub.webstore.callback-secret} (the scheme GitHub's webhooks use). The
 * body is signed as the bytes that are sent. Without a secret the header is left out.
 */
public final class CallbackSignature implements Processor {

    public static final String HEADER = "X-Hub-Signature-256";

    private final byte[] secret;

    public CallbackSignature(String secret) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean signs() {
        return secret.length > 0;
    }

    @Override
    public void process(Exchange exchange) throws GeneralSecurityException {
        if (!signs()) {
            return;
        }
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        message.setBody(body);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        message.setHeader(HEADER, "sha256=" + HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body)));
    }

    @Override
    public String toString() {
        return signs() ? "callback signature (secret set)" : "no callback signature";
    }
}
