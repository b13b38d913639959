package org.backofficehub.edi.partners;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A partner's FTP or SFTP server: the hub polls {@code inbound} for the partner's files and
 * uploads what it owes the partner to {@code outbound}. Builds the camel-ftp endpoint URIs.
 */
public record PartnerRemote(String scheme, String host, int port, String user, String password, String inbound, String outbound,
                            long pollDelayMillis, String knownHosts, String options) {

    private static final Set<String> SCHEMES = Set.of("ftp", "ftps", "sftp");
    /** {@code remote.known-hosts = any}: accept whatever key the server shows (trying things out only). */
    public static final String ANY_HOST_KEY = "any";

    /**
     * From a profile's {@code remote = sftp://host:port} and its {@code remote.*} keys. An SFTP
     * server must be pinned by {@code knownHosts} (an OpenSSH known_hosts file with its key): a
     * daemon cannot ask whether to trust a key, and trusting any key lets whoever answers on that
     * address collect the partner's orders.
     */
    public static PartnerRemote parse(String partnerId, String address, String user, String password, String inbound, String outbound,
                                      long pollDelayMillis, String knownHosts, String options) {
        URI uri = URI.create(address.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
            throw new IllegalStateException("Partner " + partnerId + ": remote must look like sftp://host:22 or ftp://host:21, not '"
                    + address + "'");
        }
        if ("sftp".equals(scheme) && knownHosts.isBlank()) {
            throw new IllegalStateException("Partner " + partnerId + ": remote " + address + " needs remote.known-hosts, an OpenSSH"
                    + " known_hosts file with the server's host key (ssh-keyscan -p PORT HOST > FILE, then check the key with the"
                    + " partner), or remote.known-hosts = any to trust any key while trying things out");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "sftp".equals(scheme) ? 22 : 21;
        String login = user.isEmpty() && uri.getUserInfo() != null ? uri.getUserInfo() : user;
        return new PartnerRemote(scheme, uri.getHost(), port, login, password, directory(inbound), directory(outbound), pollDelayMillis,
                knownHosts.trim(), options);
    }

    /**
     * Where the partner's files are taken from: moved to {@code .done} on the server once safely in
     * the inbox (or {@code .error} if the hand-over failed), read only once unchanged for a second,
     * remembered by name, size and time in the hub store so a restart never takes one twice.
     */
    public String inboundUri(String workDirectory) {
        return base(inbound) + "&move=.done&moveFailed=.error&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
                + "&idempotent=true&idempotentRepository=#remoteFileRepository&idempotentKey=" + encode("${file:name}-${file:size}-${file:modified}")
                + "&delay=" + pollDelayMillis + "&localWorkDirectory=" + encode(workDirectory);
    }

    /** Where documents for the partner go: uploaded under a temporary name, renamed when complete. */
    public String outboundUri() {
        return base(outbound) + "&tempFileName=" + encode("${file:name}.part") + "&fileExist=Override";
    }

    private String base(String directory) {
        StringBuilder uri = new StringBuilder(scheme).append("://").append(host).append(':').append(port).append(directory)
                .append("?username=").append(encode(user)).append("&binary=true&disconnect=false&autoCreate=true");
        if (!password.isEmpty()) {
            uri.append("&password=RAW(").append(password).append(')');
        }
        if (!"sftp".equals(scheme)) {
            uri.append("&passiveMode=true");
        } else if (trustsAnyHostKey()) {
            uri.append("&useUserKnownHostsFile=false&strictHostKeyChecking=no");
        } else {
            uri.append("&useUserKnownHostsFile=false&strictHostKeyChecking=yes&knownHostsFile=").append(encode(knownHosts));
        }
        if (!options.isEmpty()) {
            uri.append('&').append(options);
        }
        return uri.toString();
    }

    /** An SFTP server whose host key is not pinned ({@code remote.known-hosts = any}). */
    public boolean trustsAnyHostKey() {
        return "sftp".equals(scheme) && ANY_HOST_KEY.equals(knownHosts);
    }

    /** What the admin API shows: never the password. */
    public String describe() {
        return scheme + "://" + (user.isEmpty() ? "" : user + "@") + host + ":" + port + " in " + inbound + ", out " + outbound;
    }

    private static String directory(String path) {
        String trimmed = path.trim();
        if (trimmed.isEmpty() || "/".equals(trimmed)) {
            return "";
        }
        return "/" + trimmed.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
