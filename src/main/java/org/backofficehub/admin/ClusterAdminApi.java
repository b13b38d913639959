package org.backofficehub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RoutePolicy;
import org.backofficehub.api.JsonReply;
import org.backofficehub.cluster.ClusterMember;
import org.backofficehub.cluster.ClusterMembers;

/**
 * GET /admin/cluster: the hub instances on this hub store with the address each advertised, which
 * one leads, and the singletons it runs, with each one's status on this instance (Started on the
 * leader, Stopped on a follower).
 */
public final class ClusterAdminApi {

    private final ClusterMembers members;
    private final RoutePolicy singleton;
    private final ObjectMapper json;

    public ClusterAdminApi(ClusterMembers members, RoutePolicy singleton, ObjectMapper json) {
        this.members = members;
        this.singleton = singleton;
        this.json = json;
    }

    public void list(Exchange exchange) throws IOException {
        List<ClusterMember> all = members.all();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instance", members.leadership().instanceId());
        view.put("service", members.leadership().service());
        view.put("advertisedUrl", members.advertisedUrl());
        view.put("leader", ClusterMembers.leaderAmong(all).map(ClusterMember::instanceId).orElse(null));
        // One election for every singleton: the leader runs them all.
        List<String> singletons = exchange.getContext().getRoutes().stream()
                .filter(route -> route.getRoutePolicyList().contains(singleton)).map(Route::getRouteId).sorted().toList();
        view.put("singletons", singletons);
        Map<String, String> statusHere = new LinkedHashMap<>();
        for (String routeId : singletons) {
            ServiceStatus status = exchange.getContext().getRouteController().getRouteStatus(routeId);
            statusHere.put(routeId, status == null ? "Unknown" : status.name());
        }
        view.put("singletonStatusHere", statusHere);
        view.put("members", all.stream().map(ClusterAdminApi::memberView).toList());
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(view));
    }

    private static Map<String, Object> memberView(ClusterMember member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instance", member.instanceId());
        view.put("service", member.service());
        view.put("startedAt", member.startedAt().toString());
        view.put("lastSeen", member.lastSeen().toString());
        view.put("seen", member.seen());
        view.put("leader", member.leader());
        view.put("local", member.local());
        view.put("advertisedUrl", member.advertisedUrl());
        return view;
    }
}
