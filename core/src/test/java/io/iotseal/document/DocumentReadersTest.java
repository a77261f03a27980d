package io.iotseal.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared readers on their own; SbomParserTest, VexReaderTest and FeedRefusalTest cover them through their callers. */
class DocumentReadersTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void strictJsonNamesPointerLineAndColumnAndRefusesDuplicatesTrailingAndEmpty() throws Exception {
        assertThat(StrictJson.read(bytes("{\"a\": [1, 2]}")).path("a").size()).isEqualTo(2);

        NotWellFormedException dup = catchThrowableOfType(NotWellFormedException.class,
                () -> StrictJson.read(bytes("{\"a\": {\"b\": 1,\n \"b\": 2}}")));
        assertThat(dup.location()).isEqualTo("/a/b");
        assertThat(dup.getMessage()).startsWith("not well-formed JSON at line 2, column ").contains("Duplicate field 'b'");

        NotWellFormedException trailing = catchThrowableOfType(NotWellFormedException.class,
                () -> StrictJson.read(bytes("{} {}")));
        assertThat(trailing.location()).isEqualTo("/");
        assertThat(trailing.getMessage()).contains("Trailing token");

        NotWellFormedException empty = catchThrowableOfType(NotWellFormedException.class,
                () -> StrictJson.read(bytes("  ")));
        assertThat(empty.location()).isNull();
        assertThat(empty.getMessage()).isEqualTo("the document is empty");
    }

    @Test
    void safeXmlRefusesDoctypeAndNamesLineAndColumn() throws Exception {
        assertThat(SafeXml.read(bytes("<a xmlns=\"urn:x\"><b/></a>")).getDocumentElement().getNamespaceURI())
                .isEqualTo("urn:x");

        NotWellFormedException xxe = catchThrowableOfType(NotWellFormedException.class, () -> SafeXml.read(bytes(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")));
        assertThat(xxe.location()).startsWith("line 2, column ");
        assertThat(xxe.getMessage()).startsWith("not well-formed XML: ").contains("DOCTYPE");

        NotWellFormedException cut = catchThrowableOfType(NotWellFormedException.class,
                () -> SafeXml.read(bytes("<a>\n<b>")));
        assertThat(cut.location()).startsWith("line 2, column ");
    }

    @Test
    void problemsBeyondTheLimitAreCountedAndJsonPathsBecomePointers() {
        List<String> many = IntStream.range(0, SchemaProblems.MAX + 5).mapToObj(i -> "p" + i).toList();
        List<String> limited = SchemaProblems.limit(many, note -> "note: " + note);
        assertThat(limited).hasSize(SchemaProblems.MAX + 1).endsWith("note: 5 more problems not shown");
        assertThat(SchemaProblems.limit(List.of("one"), note -> note)).containsExactly("one");

        assertThat(SchemaProblems.pointer("$.vulnerabilities[3].analysis['state']")).isEqualTo("/vulnerabilities/3/analysis/state");
        assertThat(SchemaProblems.pointer("/already/a/pointer")).isEqualTo("/already/a/pointer");
    }
}
