package org.backofficehub.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.backofficehub.HubMain;
import org.junit.jupiter.api.Test;

class HttpPortCheckTest {

    @Test
    void hubRefusesToStartWhenItsPortIsTaken() throws Exception {
        try (ServerSocket otherProcess = new ServerSocket()) {
            otherProcess.bind(new InetSocketAddress("0.0.0.0", 0));
            HubMain main = new HubMain();
            main.addOverrideProperty("hub.data-dir", Files.createTempDirectory("hub-port-").toString());
            main.addOverrideProperty("camel.server.port", Integer.toString(otherProcess.getLocalPort()));
            main.addOverrideProperty("hub.admin.password", "x");

            assertThatThrownBy(main::start)
                    .hasStackTraceContaining("HTTP port " + otherProcess.getLocalPort())
                    .hasStackTraceContaining("is another hub running?");
            main.stop();
        }
    }
}
