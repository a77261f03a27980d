package io.iotseal.server.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.csaf.CsafAdvisory;
import io.iotseal.csaf.CsafExamples;
import io.iotseal.csaf.CsafProviderFiles;
import io.iotseal.csaf.CsafReferenceValidator;
import io.iotseal.csaf.CsafSchemas;
import io.iotseal.openpgp.GnuPg;
import io.iotseal.server.ApiTest;
import io.iotseal.server.TestClock;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry as a CSAF provider over HTTP (ADR 0098): two advisories published through {@link CsafPublisher},
 * then everything fetched anonymously and checked by implementations we did not write: the provider metadata
 * by the OASIS schema, the hashes by recomputing them, the signatures and security.txt by GnuPG, the documents
 * by the BSI's reference validator.
 */
class CsafProviderApiTest extends ApiTest {

    @Autowired
    private CsafPublisher publisher;
    @Autowired
    private TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private CsafAdvisory ours(CsafAdvisory a) {
        return new CsafAdvisory(a.profile(), publisher.publisher(), a.trackingId(), a.title(), a.language(),
                a.summary(), a.initialReleaseDate(), a.currentReleaseDate(), a.revisions(), a.products(),
                a.vulnerabilities(), a.references());
    }

    private MvcResult fetch(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
    }

    private byte[] bytes(String path) throws Exception {
        return fetch(path).getResponse().getContentAsByteArray();
    }

    @Test
    void twoPublishedAdvisoriesAreServedHashedSignedAndListed() throws Exception {
        String first = unique("IOTSEAL-SA");
        String second = unique("IOTSEAL-VEX");
        CsafPublication advisory = publisher.publish(ours(CsafExamples.securityAdvisory(first, 1)), Actor.SYSTEM);
        CsafPublication vex = publisher.publish(ours(CsafExamples.vex(second)), Actor.SYSTEM);
        assertThat(advisory.url().toString()).isEqualTo("https://registry.example/.well-known/csaf/white/"
                + advisory.path());

        // Provider metadata: valid by the OASIS schema, pointing at the directory and at the key that signs.
        MvcResult metadataResult = fetch("/.well-known/csaf/provider-metadata.json");
        assertThat(metadataResult.getResponse().getContentType()).startsWith("application/json");
        JsonNode metadata = json.readTree(metadataResult.getResponse().getContentAsByteArray());
        assertThat(CsafSchemas.providerMetadata().validate(metadata)).isEmpty();
        assertThat(metadata.path("canonical_url").asText())
                .isEqualTo("https://registry.example/.well-known/csaf/provider-metadata.json");
        assertThat(metadata.at("/distributions/0/directory_url").asText())
                .isEqualTo("https://registry.example/.well-known/csaf/white/");
        String fingerprint = metadata.at("/public_openpgp_keys/0/fingerprint").asText();
        assertThat(fingerprint).matches("^[0-9A-F]{40}$").isEqualTo(advisory.signedBy());
        String keyPath = metadata.at("/public_openpgp_keys/0/url").asText().replace("https://registry.example", "");
        MvcResult keyResult = fetch(keyPath);
        assertThat(keyResult.getResponse().getContentType()).startsWith("application/pgp-keys");
        String publicKey = keyResult.getResponse().getContentAsString();

        // The directory listings (requirement 14) link the year folder and the files in it.
        String folder = fetch("/.well-known/csaf/white/").getResponse().getContentAsString();
        assertThat(folder).contains("href=\"index.txt\"", "href=\"changes.csv\"", "href=\"2026/\"");
        String year = fetch("/.well-known/csaf/white/2026/").getResponse().getContentAsString();
        String file = advisory.path().substring(5);
        assertThat(year).contains("href=\"" + file + "\"", "href=\"" + file + ".asc\"",
                "href=\"" + file + ".sha512\"", "href=\"" + vex.path().substring(5) + "\"");
        mvc.perform(get("/.well-known/csaf/white/1999/")).andExpect(status().isNotFound());

        // index.txt and changes.csv list both.
        String index = fetch("/.well-known/csaf/white/index.txt").getResponse().getContentAsString();
        assertThat(index.lines()).contains(advisory.path(), vex.path());
        String changes = fetch("/.well-known/csaf/white/changes.csv").getResponse().getContentAsString();
        assertThat(changes).contains("\"" + advisory.path() + "\",\"2026-11-20T09:00:00Z\"")
                .contains("\"" + vex.path() + "\",\"2026-11-20T09:00:00Z\"");

        try (GnuPg gpg = GnuPg.fresh()) {
            gpg.importKey(publicKey, null);
            for (CsafPublication p : List.of(advisory, vex)) {
                String path = "/.well-known/csaf/white/" + p.path();
                byte[] document = bytes(path);
                // The hash file: sha512sum's format, the hash of the bytes served.
                String hashFile = fetch(path + ".sha512").getResponse().getContentAsString();
                assertThat(hashFile).isEqualTo(CsafProviderFiles.sha512(document) + "  "
                        + p.path().substring(5) + "\n");
                // The signature: GnuPG verifies it with the served key...
                MvcResult signature = fetch(path + ".asc");
                assertThat(signature.getResponse().getContentType()).startsWith("application/pgp-signature");
                Path data = gpg.file("doc.json", document);
                Path asc = gpg.file("doc.json.asc", signature.getResponse().getContentAsByteArray());
                GnuPg.Result verified = gpg.run(null, "--status-fd", "2", "--verify", asc.toString(), data.toString());
                assertThat(verified.exit()).as(verified.err()).isZero();
                assertThat(verified.err()).contains("VALIDSIG " + fingerprint);
                // ...and refuses it for a changed byte.
                document[20] ^= 1;
                gpg.file("doc.json", document);
                assertThat(gpg.run(null, "--verify", asc.toString(), data.toString()).exit()).isNotZero();
            }
        }
        // The reference validator accepts the documents as served.
        for (CsafReferenceValidator.Verdict verdict : CsafReferenceValidator.validateAll(List.of(
                bytes("/.well-known/csaf/white/" + advisory.path()), bytes("/.well-known/csaf/white/" + vex.path())))) {
            assertThat(verdict.errors()).as(verdict.report().toString()).isEmpty();
            assertThat(verdict.valid()).isTrue();
        }
    }

    @Test
    void aNewRevisionReplacesTheDocumentAndIsAddedToChangesCsv() throws Exception {
        String id = unique("IOTSEAL-REV");
        CsafPublication v1 = publisher.publish(ours(CsafExamples.securityAdvisory(id, 1)), Actor.SYSTEM);
        // The same document again: nothing changes.
        assertThat(publisher.publish(ours(CsafExamples.securityAdvisory(id, 1)), Actor.SYSTEM).changed()).isFalse();
        CsafPublication v2 = publisher.publish(ours(CsafExamples.securityAdvisory(id, 2)), Actor.SYSTEM);

        assertThat(v2.path()).isEqualTo(v1.path());
        assertThat(v2.version()).isEqualTo(2);
        JsonNode served = json.readTree(bytes("/.well-known/csaf/white/" + v2.path()));
        assertThat(served.at("/document/tracking/version").asText()).isEqualTo("2");
        String changes = fetch("/.well-known/csaf/white/changes.csv").getResponse().getContentAsString();
        String second = "\"" + v1.path() + "\",\"2026-11-27T15:30:00Z\"";
        String firstLine = "\"" + v1.path() + "\",\"2026-11-20T09:00:00Z\"";
        assertThat(changes).contains(second, firstLine);
        assertThat(changes.indexOf(second)).isLessThan(changes.indexOf(firstLine));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'csaf.publish' and entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(2);

        // A changed document without a later revision is refused, naming the field.
        CsafAdvisory a = ours(CsafExamples.securityAdvisory(id, 2));
        CsafAdvisory retitled = new CsafAdvisory(a.profile(), a.publisher(), a.trackingId(), "Another title",
                a.language(), a.summary(), a.initialReleaseDate(), a.currentReleaseDate(), a.revisions(), a.products(),
                a.vulnerabilities(), a.references());
        assertThatThrownBy(() -> publisher.publish(retitled, Actor.SYSTEM)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("revisions");
                });
        // So is an advisory the CSAF rules refuse, naming the advisory's field.
        CsafAdvisory unknownProduct = new CsafAdvisory(a.profile(), a.publisher(), unique("IOTSEAL-BAD"), a.title(),
                a.language(), a.summary(), a.initialReleaseDate(), a.currentReleaseDate(), a.revisions(),
                a.products().subList(0, 1), a.vulnerabilities(), a.references());
        assertThatThrownBy(() -> publisher.publish(unknownProduct, Actor.SYSTEM)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("vulnerabilities[0].fixed"));
    }

    @Test
    void securityTxtIsSignedAndExpiresWithinAYear() throws Exception {
        clock.setToday(LocalDate.of(2026, 12, 1));
        MvcResult result = fetch("/.well-known/security.txt");
        assertThat(result.getResponse().getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        String signed = result.getResponse().getContentAsString();
        String publicKey = fetch(CsafSite.KEYS + "/" + publisher.publish(ours(CsafExamples.vex(unique("IOTSEAL-KEY"))),
                Actor.SYSTEM).signedBy() + ".asc").getResponse().getContentAsString();

        try (GnuPg gpg = GnuPg.fresh()) {
            gpg.importKey(publicKey, null);
            GnuPg.Result verified = gpg.run(signed.getBytes(StandardCharsets.UTF_8), "--status-fd", "2", "--decrypt");
            assertThat(verified.exit()).as(verified.err()).isZero();
            String text = verified.outText().replace("\r\n", "\n");
            assertThat(text).contains("Contact: mailto:security@registry.example\n")
                    .contains("Preferred-Languages: en, ja\n")
                    .contains("Canonical: https://registry.example/.well-known/security.txt\n")
                    .contains("CSAF: https://registry.example/.well-known/csaf/provider-metadata.json\n")
                    .containsPattern("Encryption: https://registry.example/.well-known/csaf/openpgp/[0-9A-F]{40}\\.asc\n");
            // Expires: the start of the server's day plus the default 180 days, so within a year (RFC 9116).
            assertThat(text).contains("Expires: 2027-05-30T00:00:00Z\n");
            // A changed field no longer verifies.
            String changed = signed.replace("Preferred-Languages: en, ja", "Preferred-Languages: en, de");
            assertThat(gpg.run(changed.getBytes(StandardCharsets.UTF_8), "--verify").exit()).isNotZero();
        }
    }

    @Test
    void anyOriginMayReadTheProviderFiles() throws Exception {
        // As the other public reads (ADR 0080): any origin, no credentials.
        mvc.perform(get("/.well-known/csaf/provider-metadata.json").header(HttpHeaders.ORIGIN, "https://elsewhere.example"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
        mvc.perform(get("/.well-known/security.txt").header(HttpHeaders.ORIGIN, "https://elsewhere.example"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
    }

    @Test
    void conditionalGetsAndUnknownFiles() throws Exception {
        MvcResult index = fetch("/.well-known/csaf/white/index.txt");
        String etag = index.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isNotBlank();
        mvc.perform(get("/.well-known/csaf/white/index.txt").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/.well-known/csaf/white/2026/no-such-advisory.json")).andExpect(status().isNotFound());
        mvc.perform(get("/.well-known/csaf/white/20x6/a.json.asc")).andExpect(status().isNotFound());
        mvc.perform(get(CsafSite.KEYS + "/0000000000000000000000000000000000000000.asc"))
                .andExpect(status().isNotFound());
    }
}
