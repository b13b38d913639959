package org.backofficehub.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.cluster.ClusterMember;
import org.backofficehub.cluster.ClusterMembers;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.security.AccessGate;

/**
 * Sends a leader-only admin action a follower received (Run now, closing the journal, the customer
 * import, the tracking clean-up) on to the leader, and answers with the leader's answer: the same
 * method, path, query, body and Content-Type, with the caller's own credentials, which the leader
 * checks itself, marked {@value #FORWARDED_BY} so that it is never forwarded again. No Origin,
 * Referer or Sec-Fetch-Site goes along: this instance has checked them, and the call to the leader
 * is no browser's. The leader's status, body and Content-Type come back, with {@value #HANDLED_BY}
 * naming the instance that ran it. A leader that cannot be reached is a 503 leader-unavailable
 * (Retry-After); one that does not answer in time a 504 leader-timed-out, for it may still be running.
 *
 * <p>java.net.http, as the shops' API calls (PlatformHttp): the answer itself is what is passed on,
 * whatever its status, which Camel's http component would make an exception or a set of headers to
 * filter. Redirects are not followed: the credentials go to the leader's advertised URL only.
 */
public final class LeaderForwarding {

    /** Set on the forwarded request: the instance that forwarded it. */
    public static final String FORWARDED_BY = "Hub-Forwarded-By";
    /** Set on the answer to a leader-only action: the instance that ran it. */
    public static final String HANDLED_BY = "Hub-Handled-By";
    /** The leader's answer headers passed on besides its Content-Type: when to retry, and how to sign in. */
    private static final List<String> ANSWER_HEADERS = List.of("Retry-After", "WWW-Authenticate");

    private final ClusterMembers members;
    private final Duration answerTimeout;
    private final HttpClient client;

    public LeaderForwarding(ClusterMembers members, Duration connectTimeout, Duration answerTimeout) {
        this.members = members;
        this.answerTimeout = answerTimeout;
        // HTTP/1.1: the hub speaks HTTP/2 only when hub.http.h2c is on, and an upgrade attempt gains nothing here.
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void forward(ClusterMember leader, Exchange exchange) {
        Message message = exchange.getMessage();
        HttpRequest request = requestTo(leader, message, exchange.getProperty(AccessGate.CREDENTIALS_PROPERTY, String.class));
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            // Nothing was sent: as unreachable as a refused connection.
            throw unreachable(leader, "no connection within " + e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new InputRejectedException(ProblemType.LEADER_TIMED_OUT, leader.instanceId() + ", which leads the hubs, did not answer "
                    + request.method() + " " + request.uri().getPath() + " within " + answerTimeout.toSeconds()
                    + " s: it may still be running there; see GET /admin/routes or /admin/tracking before asking again");
        } catch (IOException e) {
            throw unreachable(leader, reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw members.leaderUnavailable("Interrupted while forwarding to " + leader.instanceId());
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
        JsonReply.write(message, answer.statusCode(), contentType, answer.body());
        for (String header : ANSWER_HEADERS) {
            answer.headers().firstValue(header).ifPresent(value -> message.setHeader(header, value));
        }
        message.setHeader(HANDLED_BY, answer.headers().firstValue(HANDLED_BY).orElse(leader.instanceId()));
    }

    private HttpRequest requestTo(ClusterMember leader, Message message, String credentials) {
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        byte[] body = message.getBody(byte[].class);
        HttpRequest.Builder request = HttpRequest.newBuilder(target(leader, message)).timeout(answerTimeout)
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_BY, members.leadership().instanceId());
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (credentials != null) {
            request.header("Authorization", credentials);
        }
        return request.build();
    }

    /** The leader's advertised URL with this request's path and query, as the caller sent them (still escaped). */
    private static URI target(ClusterMember leader, Message message) {
        String base = leader.advertisedUrl().strip();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String pathAndQuery = message.getHeader(Exchange.HTTP_URI, String.class);
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
            pathAndQuery = message.getHeader(Exchange.HTTP_PATH, String.class) + (query == null || query.isEmpty() ? "" : "?" + query);
        }
        return URI.create(base + pathAndQuery);
    }

    private RuntimeException unreachable(ClusterMember leader, String reason) {
        return members.leaderUnavailable(leader.instanceId() + " leads the hubs but cannot be reached at " + leader.advertisedUrl()
                + " (" + reason.replaceAll("\\p{Cntrl}", "?") + "); check its hub.cluster.advertised-url, or try again once another leads");
    }

    /** The first message down the causes (java.net.http's ConnectException has none of its own). */
    private static String reason(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
}
