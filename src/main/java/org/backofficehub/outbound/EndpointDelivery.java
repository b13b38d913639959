package org.backofficehub.outbound;

import java.util.List;
import org.apache.camel.Exchange;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;

/**
 * Delivers each message as a file named after it to a Camel endpoint: a folder
 * ({@code file:...}) or an FTP/SFTP directory ({@code ftp://...}, {@code sftp://...}). Writing a
 * file of the same name twice replaces it, so a repeated delivery after a crash changes nothing.
 */
public final class EndpointDelivery implements Delivery {

    private final Supplier<ProducerTemplate> producer;
    private final String endpointUri;

    public EndpointDelivery(Supplier<ProducerTemplate> producer, String endpointUri) {
        this.producer = producer;
        this.endpointUri = endpointUri;
    }

    @Override
    public void deliver(List<OutboundMessage> messages) throws Exception {
        for (OutboundMessage message : messages) {
            Exchange sent = producer.get().send(endpointUri, exchange -> {
                exchange.getMessage().setBody(message.payload());
                exchange.getMessage().setHeader(Exchange.FILE_NAME, message.name());
            });
            if (sent.getException() != null) {
                throw sent.getException();
            }
        }
    }
}
