package org.backofficehub.edi.reading;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.backofficehub.util.BuiltOnFirstUse;
import org.backofficehub.edi.EdiStandard;

/**
 * The hub's implementation guides as StAEDI schemas, compiled once, on first use, each also
 * compiled into a {@link MessageGuide}. Messages of a type without
 * a schema here are read unvalidated (acknowledgements from partners) or refused.
 */
public final class TransactionSchemas {

    private final BuiltOnFirstUse<Compiled> compiled = new BuiltOnFirstUse<>(TransactionSchemas::compile);

    public Schema find(EdiStandard standard, String messageType) {
        return compiled.get().byType().get(key(standard, messageType));
    }

    /** The same guide compiled for confirming well-formed messages quickly ({@link MessageGuide}). */
    public MessageGuide guide(EdiStandard standard, String messageType) {
        return compiled.get().guides().get(key(standard, messageType));
    }

    private static Compiled compile() {
        SchemaFactory factory = SchemaFactory.newFactory();
        Map<String, Schema> byType = Map.of(
                key(EdiStandard.EDIFACT, "ORDERS"), load(factory, "edi/schemas/EDIFACT-ORDERS.xml"),
                key(EdiStandard.X12, "850"), load(factory, "edi/schemas/X12-850.xml"));
        Map<String, MessageGuide> guides = byType.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> MessageGuide.compile(entry.getValue())));
        return new Compiled(byType, guides);
    }

    private static String key(EdiStandard standard, String messageType) {
        return standard + "/" + messageType;
    }

    private static Schema load(SchemaFactory factory, String resource) {
        try (InputStream in = TransactionSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing EDI schema " + resource);
            }
            return factory.createSchema(in);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("EDI schema " + resource + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Compiled(Map<String, Schema> byType, Map<String, MessageGuide> guides) {
    }
}
