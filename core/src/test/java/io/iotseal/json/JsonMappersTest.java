package io.iotseal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each preset does differently; the call sites rely on exactly these differences (ADR 0073). */
class JsonMappersTest {

    record Counted(int count, boolean on, String name) {
    }

    enum Colour { RED, GREEN }

    record Painted(Colour colour) {
    }

    record Dated(LocalDate day) {
    }

    @Test
    void strictRefusesADuplicateKeyThePlainOneTakesTheLast() throws Exception {
        String twice = "{\"a\":1,\"a\":2}";
        assertThat(JsonMappers.plain().readTree(twice).get("a").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> JsonMappers.strict().readTree(twice))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void strictRefusesTrailingTokensUnknownFieldsAndScalarCoercion() throws Exception {
        ObjectMapper strict = JsonMappers.strict();
        assertThatThrownBy(() -> strict.readTree("{} {}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"count\":1,\"on\":true,\"name\":\"x\",\"extra\":0}", Counted.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> strict.readValue("{\"count\":\"7\",\"on\":true,\"name\":\"x\"}", Counted.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"count\":7,\"on\":\"true\",\"name\":\"x\"}", Counted.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"count\":7.5,\"on\":true,\"name\":\"x\"}", Counted.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"colour\":0}", Painted.class))
                .isInstanceOf(JsonProcessingException.class);
        // The same input is accepted by Jackson's defaults: the refusals above are the preset's doing.
        assertThat(JsonMappers.plain().readValue("{\"count\":\"7\",\"on\":\"true\",\"name\":\"x\"}", Counted.class))
                .isEqualTo(new Counted(7, true, "x"));
        assertThat(strict.readValue("{\"count\":7,\"on\":true,\"name\":\"x\"}", Counted.class))
                .isEqualTo(new Counted(7, true, "x"));
    }

    @Test
    void plainWritesCompactJsonInInsertionOrder() throws Exception {
        // Credentials and audit entries are signed or hashed over this text: it must not change.
        ObjectMapper plain = JsonMappers.plain();
        var node = plain.createObjectNode().put("b", 1).put("a", "é");
        assertThat(plain.writeValueAsString(node)).isEqualTo("{\"b\":1,\"a\":\"é\"}");
    }

    @Test
    void prettyIndents() throws Exception {
        assertThat(JsonMappers.pretty().writeValueAsString(Map.of("a", 1)))
                .isEqualTo("{" + System.lineSeparator() + "  \"a\" : 1" + System.lineSeparator() + "}");
    }

    @Test
    void isoDatesWritesDatesAsText() throws Exception {
        assertThat(JsonMappers.isoDates().writeValueAsString(new Dated(LocalDate.of(2030, 12, 31))))
                .isEqualTo("{\"day\":\"2030-12-31\"}");
    }

    @Test
    void strictYamlRefusesADuplicateKeyAndUnknownFieldsButReadsDates() throws Exception {
        ObjectMapper yaml = JsonMappers.strictYaml();
        assertThat(yaml.readValue("day: 2030-12-31\n", Dated.class)).isEqualTo(new Dated(LocalDate.of(2030, 12, 31)));
        assertThatThrownBy(() -> yaml.readTree("a: 1\na: 2\n")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> yaml.readValue("day: 2030-12-31\nnight: 1\n", Dated.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void yamlForEditingHasNoDocumentMarkerAndFewQuotes() throws Exception {
        assertThat(JsonMappers.yamlForEditing().writeValueAsString(Map.of("name", "camera")))
                .isEqualTo("name: camera\n");
    }

    @Test
    void everyCallGivesAFreshMapper() {
        assertThat(JsonMappers.strict()).isNotSameAs(JsonMappers.strict());
    }
}
