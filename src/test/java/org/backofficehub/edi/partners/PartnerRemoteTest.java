package org.backofficehub.edi.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An SFTP partner's server is trusted by its pinned host key, or explicitly by any key; never silently. */
class PartnerRemoteTest {

    @Test
    void anSftpServerWithoutPinnedHostKeyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> sftp(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Partner NORDWIND")
                .hasMessageContaining("remote.known-hosts")
                .hasMessageContaining("ssh-keyscan");
    }

    @Test
    void aPinnedHostKeyIsCheckedStrictly() {
        String uri = sftp("/etc/hub/known_hosts").inboundUri("/tmp/work");

        assertThat(uri).contains("strictHostKeyChecking=yes").contains("knownHostsFile=%2Fetc%2Fhub%2Fknown_hosts")
                .contains("useUserKnownHostsFile=false");
    }

    @Test
    void anyHostKeyOnlyWhenSaidSo() {
        assertThat(sftp("any").outboundUri()).contains("strictHostKeyChecking=no").doesNotContain("knownHostsFile");
    }

    @Test
    void ftpHasNoHostKeyToPin() {
        assertThat(PartnerRemote.parse("ACME", "ftp://ftp.acme.example", "hub", "", "/out", "/in", 5000, "", "").outboundUri())
                .contains("passiveMode=true").doesNotContain("HostKey");
    }

    private static PartnerRemote sftp(String knownHosts) {
        return PartnerRemote.parse("NORDWIND", "sftp://sftp.nordwind.example:22", "hub", "", "/outbound", "/inbound", 5000, knownHosts, "");
    }
}
