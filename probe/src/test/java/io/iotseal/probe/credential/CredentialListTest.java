package io.iotseal.probe.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialListTest {
    @Test
    void everyBuiltInEntryCitesASourceAndUnverifiedOnesAreMarked() {
        CredentialList list = CredentialList.builtIn();
        assertThat(list.size()).isGreaterThan(60);
        assertThat(list.entries()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(list.entries()).filteredOn(c -> c.source().startsWith("Mirai")).isNotEmpty().allMatch(Credential::verified);
        assertThat(list.entries()).filteredOn(c -> c.source().startsWith("NICT")).isNotEmpty().noneMatch(Credential::verified);
        // The first pairs are the most common Mirai ones; the probe stops at the first that works.
        assertThat(list.entries().getFirst().username()).isEqualTo("root");
        assertThat(list.entries().getFirst().password()).isEqualTo("xc3511");
        assertThat(list.entries()).anyMatch(c -> c.username().equals("root") && c.password().isEmpty());
    }

    @Test
    void userListsAddEntriesWithoutDuplicatingAndAreUnverified(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vendor.txt");
        Files.writeString(file, "# lab list\nroot:xc3511\ninstaller:Inst@ll3r\nuser:with:colon\n");
        CredentialList merged = CredentialList.builtIn().plus(CredentialList.load(file));
        assertThat(merged.size()).isEqualTo(CredentialList.builtIn().size() + 2);
        Credential added = merged.entries().stream().filter(c -> c.username().equals("installer")).findFirst().orElseThrow();
        assertThat(added.verified()).isFalse();
        assertThat(added.source()).contains("vendor.txt line 3");
        assertThat(merged.entries()).anyMatch(c -> c.username().equals("user") && c.password().equals("with:colon"));
    }

    @Test
    void yamlListsNeedKnownSources(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.yaml");
        Files.writeString(file, "sources:\n  manual: {title: \"Vendor manual p. 12\", verified: true}\n"
                + "credentials:\n  - {username: admin, password: \"0000\", source: manual}\n");
        assertThat(CredentialList.load(file).entries().getFirst().source()).isEqualTo("Vendor manual p. 12");
        Files.writeString(file, "credentials:\n  - {username: admin, password: x, source: nowhere}\n");
        assertThatThrownBy(() -> CredentialList.load(file)).hasMessageContaining("entry 1").hasMessageContaining("nowhere");
        Path text = dir.resolve("bad.txt");
        Files.writeString(text, "no-colon-here\n");
        assertThatThrownBy(() -> CredentialList.load(text)).hasMessageContaining("line 1").hasMessageContaining("user:password");
    }

    @Test
    void mqttConnectPacketEncodesFlagsAndLengths() {
        byte[] p = MqttLogin.connectPacket("c", "u", "p");
        assertThat(p[0]).isEqualTo((byte) 0x10);
        assertThat(p[1]).isEqualTo((byte) (p.length - 2));
        assertThat(p[9]).isEqualTo((byte) 0xC2); // user name + password + clean session
        assertThat(MqttLogin.connectPacket("c", null, null)[9]).isEqualTo((byte) 0x02);
        assertThat(MqttLogin.returnCode(new byte[]{0x20, 2, 0, 5})).isEqualTo(5);
        assertThat(MqttLogin.returnCode(new byte[]{0x30, 2, 0, 0})).isEqualTo(-1);
    }
}
