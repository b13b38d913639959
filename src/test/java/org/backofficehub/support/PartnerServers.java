package org.backofficehub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Real trading-partner servers for tests: an SFTP server (Apache MINA SSHD) and an FTP server
 * (Apache FtpServer), each serving a folder on disk to one user, and real clients to put files there.
 */
public final class PartnerServers {

    public static final String USER = "partner";
    public static final String PASSWORD = "partner-secret";

    private PartnerServers() {
    }

    /**
     * A partner's server to try the hub against by hand ({@code docs/partner-server sftp 2222 /tmp/partner}):
     * user {@value #USER}, password {@value #PASSWORD}, serving the folder until Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("sftp", "ftp").contains(args[0])) {
            System.err.println("usage: docs/partner-server sftp|ftp PORT FOLDER");
            System.exit(2);
        }
        Path root = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Server server = "sftp".equals(args[0]) ? sftp(root, Integer.parseInt(args[1])) : ftp(root, Integer.parseInt(args[1]));
        System.out.printf("%s server on localhost:%d serving %s (user %s, password %s); Ctrl-C stops it%n", args[0], server.port(), root,
                USER, PASSWORD);
        if (server instanceof SftpServer sftp) {
            Path knownHosts = root.resolveSibling(root.getFileName() + ".known_hosts");
            Files.writeString(knownHosts, sftp.knownHostsLine() + "\n");
            System.out.printf("its host key, for the partner profile: remote.known-hosts = %s%n", knownHosts);
        }
        Thread.currentThread().join();
    }

    /** A running server; {@link #root()} is what the user sees as "/". */
    public interface Server extends AutoCloseable {
        int port();

        Path root();

        /** Uploads a file the way a partner's client does. */
        void upload(String remotePath, byte[] content) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** An SFTP server also has a host key to pin. */
    public interface SftpServer extends Server {
        /** Its host key as an OpenSSH known_hosts line, for a profile's {@code remote.known-hosts}. */
        String knownHostsLine();
    }

    public static SftpServer sftp(Path root) throws IOException {
        return sftp(root, 0);
    }

    public static SftpServer sftp(Path root, int port) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("localhost");
        sshd.setPort(port);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(Files.createTempDirectory("sftp-key").resolve("host.ser"));
        sshd.setKeyPairProvider(hostKey);
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        return new SftpServer() {
            @Override
            public int port() {
                return sshd.getPort();
            }

            @Override
            public Path root() {
                return root;
            }

            @Override
            public String knownHostsLine() {
                return "[localhost]:" + sshd.getPort() + " " + PublicKeyEntry.toString(hostKey.loadKeys(null).iterator().next().getPublic());
            }

            @Override
            public void upload(String remotePath, byte[] content) throws IOException {
                try (SshClient client = SshClient.setUpDefaultClient()) {
                    client.start();
                    try (ClientSession session = client.connect(USER, "localhost", sshd.getPort()).verify(10_000).getSession()) {
                        session.addPasswordIdentity(PASSWORD);
                        session.auth().verify(10_000);
                        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
                             OutputStream out = sftp.write(remotePath)) {
                            out.write(content);
                        }
                    }
                }
            }

            @Override
            public void close() throws IOException {
                sshd.stop(true);
            }
        };
    }

    public static Server ftp(Path root) throws Exception {
        return ftp(root, freePort());
    }

    public static Server ftp(Path root, int port) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("localhost");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(root.toString());
        user.setAuthorities(List.of(new WritePermission()));
        var users = new PropertiesUserManagerFactory().createUserManager();
        users.save(user);
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        return new Server() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public Path root() {
                return root;
            }

            @Override
            public void upload(String remotePath, byte[] content) throws IOException {
                FTPClient client = new FTPClient();
                client.connect("localhost", port);
                try {
                    if (!client.login(USER, PASSWORD)) {
                        throw new IOException("FTP login refused");
                    }
                    client.enterLocalPassiveMode();
                    client.setFileType(FTP.BINARY_FILE_TYPE);
                    try (InputStream in = new java.io.ByteArrayInputStream(content)) {
                        if (!client.storeFile(remotePath, in)) {
                            throw new IOException("FTP upload refused: " + client.getReplyString());
                        }
                    }
                    client.logout();
                } finally {
                    client.disconnect();
                }
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
