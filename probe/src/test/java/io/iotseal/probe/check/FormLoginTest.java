package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.credential.FormLoginList;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.http.HtmlForms;
import io.iotseal.probe.sim.SimulatedFormDevice;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.iotseal.probe.check.DefaultCredentialCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTML form logins (issue 15 "Coverage", ADR 0089): recognised from the data file's entries, posted with
 * the page's hidden inputs (CSRF token) and session cookie, judged by the entry's signs.
 */
class FormLoginTest {

    @Test
    void theDefaultCredentialIsFoundThroughAFormWithACsrfToken() throws Exception {
        // The simulator answers 403 to a POST without the session's token: only a login that carries the
        // hidden input and the cookie can find the pair.
        try (var web = new SimulatedFormDevice("admin", "admin", "username", "password")) {
            Finding f = only(TestProbe.run(DefaultCredentialCheck.ID, web.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("http-form").contains("admin:[REDACTED]");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.sent()).startsWith("POST /cgi-bin/login ")
                    .contains("Cookie: SID=").contains("token=").contains("password=[REDACTED]"));
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.sent()).doesNotContain("remember="));
        }
    }

    @Test
    void aPasswordInNoListPassesAndBruteForceFails() throws Exception {
        try (var web = new SimulatedFormDevice("admin", "Zq8-v!3LmW#r", "user", "pass")) {
            Finding f = only(TestProbe.run(DefaultCredentialCheck.ID, web.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.PASS);
            Finding brute = only(TestProbe.run(BruteForceCheck.ID, web.port()));
            assertThat(brute.verdict()).as(brute.summary()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void aFormNoEntryDescribesIsNoLoginService() throws Exception {
        try (var web = new SimulatedFormDevice("admin", "admin", "login_name", "login_secret")) {
            assertThat(only(TestProbe.run(DefaultCredentialCheck.ID, web.port())).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        }
    }

    @Test
    void formsAreReadAsABrowserSubmitsThem() {
        var forms = HtmlForms.parse("""
                <form action="/x?a=1&amp;b=2" method=post><input type="hidden" name="csrf" value='t&quot;1'>
                <input name=u><input type=password name=p disabled><input type=checkbox name=c checked>
                <input type=submit name=go value=Go><input type=submit name=other value=No></form>""");
        assertThat(forms).hasSize(1);
        assertThat(forms.getFirst().action()).isEqualTo("/x?a=1&b=2");
        assertThat(forms.getFirst().entries(Map.of("u", "me")))
                .containsExactly(Map.entry("csrf", "t\"1"), Map.entry("u", "me"), Map.entry("c", "on"), Map.entry("go", "Go"));
    }

    @Test
    void theBuiltInListLoadsAndIsGenericOnly() {
        FormLoginList list = FormLoginList.builtIn();
        assertThat(list.version()).isNotBlank();
        assertThat(list.entries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.generic()).isTrue();
            assertThat(e.source()).isNotBlank();
        });
    }

    @Test
    void badEntriesAreRefusedNamingTheEntryAndField() {
        String good = """
                version: "1"
                entries:
                  - id: e1
                    %s
                    paths: ["/login"]
                    user-field: user
                    password-field: pass
                    success: {redirect: "."}
                    failure: {%s}
                """;
        assertThat(parse(good.formatted("generic: true\n    source: own pattern", "form-again: true")).entries()).hasSize(1);
        assertThatThrownBy(() -> parse(good.formatted("vendor: Acme\n    source: from memory", "form-again: true")))
                .hasMessageContaining("entry 'e1'").hasMessageContaining("'source' must be the URL");
        assertThatThrownBy(() -> parse(good.formatted("generic: true\n    vendor: Acme\n    source: x", "form-again: true")))
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> parse(good.formatted("generic: true\n    source: x", "text: \"(\"")))
                .hasMessageContaining("field 'text' is not a valid regular expression");
        assertThatThrownBy(() -> parse(good.formatted("generic: true\n    source: x", "")))
                .hasMessageContaining("failure' must give at least one sign");
        assertThatThrownBy(() -> parse(good.formatted("generic: true\n    source: x\n    colour: red", "form-again: true")))
                .hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> parse(good.formatted("generic: true", "form-again: true")))
                .hasMessageContaining("field 'source' is required");
    }

    private static FormLoginList parse(String yaml) {
        return FormLoginList.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }
}
