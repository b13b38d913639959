package org.backofficehub.config;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;

/**
 * Work for when every route has started: routes from YAML templates (schedules, partners'
 * transfers) can only be added once the route files are loaded, and gauges over them registered.
 */
final class FullyStarted implements ExtendedStartupListener {

    private final Consumer<CamelContext> work;

    private FullyStarted(Consumer<CamelContext> work) {
        this.work = work;
    }

    static void then(CamelContext camel, Consumer<CamelContext> work) throws Exception {
        camel.addStartupListener(new FullyStarted(work));
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        work.accept(context);
    }
}
