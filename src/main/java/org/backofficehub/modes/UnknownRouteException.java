package org.backofficehub.modes;

/** No business route by that id has a mode. */
public class UnknownRouteException extends RuntimeException {

    public UnknownRouteException(String routeId) {
        super("No route '" + routeId + "' has a mode; see GET /admin/routes");
    }
}
