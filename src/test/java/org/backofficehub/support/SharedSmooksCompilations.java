package org.backofficehub.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.smooks.Smooks;
import org.smooks.SmooksFactory;
import org.smooks.cartridges.dfdl.DataProcessorFactory;
import org.xml.sax.SAXException;

/**
 * Smooks instances for the smooks: endpoints of many short-lived CamelContexts (a test's or a
 * benchmark's, one per run) that share their compiled DFDL schemas: otherwise every context's
 * endpoint loads them anew from .smooks/ (1-3 s each). Bound in a context's registry, camel-smooks
 * takes it as its SmooksFactory. The daemon has one context and needs none.
 */
public final class SharedSmooksCompilations implements SmooksFactory {

    /** The DFDL cartridge keeps its compilations per Smooks instance, in its registry under this key. */
    private final Map<String, Object> compiled = new ConcurrentHashMap<>();

    @Override
    public Smooks createInstance() {
        return sharing(new Smooks());
    }

    @Override
    public Smooks createInstance(InputStream config) throws IOException, SAXException {
        return sharing(new Smooks(config));
    }

    @Override
    public Smooks createInstance(String config) throws IOException, SAXException {
        return sharing(new Smooks(config));
    }

    private Smooks sharing(Smooks smooks) {
        smooks.getApplicationContext().getRegistry().registerObject(DataProcessorFactory.class, compiled);
        return smooks;
    }
}
