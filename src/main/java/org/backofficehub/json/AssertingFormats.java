package org.backofficehub.json;

import com.networknt.schema.SchemaValidatorsConfig;
import org.apache.camel.component.jsonvalidator.DefaultJsonUriSchemaLoader;

/**
 * Loads JSON schemas for the {@code json-validator:} step with {@code format} asserted, not only
 * annotated: in JSON Schema 2020-12 a date or an e-mail address in the wrong shape passes unless
 * the validator is told to check formats.
 */
public final class AssertingFormats extends DefaultJsonUriSchemaLoader {

    public AssertingFormats() {
        config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }
}
