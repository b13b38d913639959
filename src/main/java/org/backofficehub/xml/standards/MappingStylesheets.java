package org.backofficehub.xml.standards;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.backofficehub.util.BuiltOnFirstUse;

/**
 * The mapping stylesheets the settings name (XSLT 3.0, run by Saxon HE), each compiled when the
 * first document that needs it arrives, then shared (a compiled stylesheet is thread-safe). Not
 * at start: Saxon and a compiled stylesheet cost one to three seconds of a two-core machine's
 * start-up (BuiltOnFirstUse's reasons); so a mapping that does not compile is reported by the
 * first document it fails, naming the file, line and column. A mapping that is not there at all
 * stops the hub at start, naming its setting.
 *
 * <p>Stylesheets run with secure processing (no Java calls, no files written) and may call the
 * hub's {@code hub:order-source()}. A location is {@code file:path} (relative to the working
 * directory, as config/ is), a plain path, or {@code classpath:path}.
 */
public final class MappingStylesheets {

    private static final int MAX_REPORTED_ERRORS = 5;

    private final Map<String, String> locations;
    private final Map<String, BuiltOnFirstUse<Templates>> compiled = new HashMap<>();
    private final BuiltOnFirstUse<TransformerFactoryImpl> saxon = new BuiltOnFirstUse<>(MappingStylesheets::saxon);

    /** @param locations each mapping's location by the setting that names it ({@code hub.mapping.ubl}) */
    public MappingStylesheets(Map<String, String> locations) {
        this.locations = Map.copyOf(locations);
        this.locations.forEach((setting, location) -> {
            if (url(location) == null) {
                throw new IllegalStateException(setting + " = " + location + ": there is no such stylesheet");
            }
            compiled.put(setting, new BuiltOnFirstUse<>(() -> compile(setting, location)));
        });
    }

    /** Where the mapping a setting names is, as the setting says it. */
    public String location(String setting) {
        return locations.get(setting);
    }

    /** The document through the mapping, with these parameters ({@code xsl:param}); a stylesheet's error is thrown as it raised it. */
    byte[] transform(String setting, Source document, Map<String, String> parameters) throws TransformerException {
        Transformer transformer = compiled.get(setting).get().newTransformer();
        transformer.setErrorListener(RETHROWING);
        parameters.forEach(transformer::setParameter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(document, new StreamResult(out));
        return out.toByteArray();
    }

    private Templates compile(String setting, String location) {
        List<String> errors = new ArrayList<>();
        TransformerFactoryImpl factory = saxon.get();
        try {
            URL url = url(location);
            if (url == null) {
                throw new MappingFailedException("The mapping " + location + " (" + setting + ") is no longer there", null);
            }
            StreamSource stylesheet = new StreamSource(url.toExternalForm());
            synchronized (factory) { // the factory's error listener is the compilation's
                factory.setErrorListener(collecting(errors));
                return factory.newTemplates(stylesheet);
            }
        } catch (TransformerConfigurationException e) {
            throw new MappingFailedException("The mapping " + location + " (" + setting + ") does not compile: "
                    + (errors.isEmpty() ? e.getMessage() : String.join("; ", errors)), e);
        }
    }

    private static TransformerFactoryImpl saxon() {
        TransformerFactoryImpl factory = new TransformerFactoryImpl();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("Saxon refuses secure processing", e);
        }
        factory.getConfiguration().registerExtensionFunction(new OrderSourceFunction());
        return factory;
    }

    private static URL url(String location) {
        try {
            if (location.startsWith("classpath:")) {
                return MappingStylesheets.class.getClassLoader().getResource(location.substring("classpath:".length()).replaceFirst("^/", ""));
            }
            Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            return Files.isRegularFile(file) ? file.toUri().toURL() : null;
        } catch (java.net.MalformedURLException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static ErrorListener collecting(List<String> errors) {
        return new ErrorListener() {
            @Override
            public void warning(TransformerException exception) {
                // a stylesheet's warnings (a path that can never match, say) are no reason to stop it
            }

            @Override
            public void error(TransformerException exception) {
                add(exception);
            }

            @Override
            public void fatalError(TransformerException exception) {
                add(exception);
            }

            private void add(TransformerException exception) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(exception.getMessageAndLocation());
                }
            }
        };
    }

    private static final ErrorListener RETHROWING = new ErrorListener() {
        @Override
        public void warning(TransformerException exception) {
            // warnings do not stop a mapping
        }

        @Override
        public void error(TransformerException exception) throws TransformerException {
            throw exception;
        }

        @Override
        public void fatalError(TransformerException exception) throws TransformerException {
            throw exception;
        }
    };
}
