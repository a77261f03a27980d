package io.iotseal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place where Jackson mappers are made (ADR 0073). Each preset is named for what it is for; a
 * new configuration is a new preset here, never a {@code new ObjectMapper()} at a call site. Every call
 * returns a fresh mapper, so a caller that configures its own cannot change anyone else's.
 *
 * <p>Canonical (hashed or signed) text is not a mapper setting: it is written by
 * {@code io.iotseal.audit.SortedKeysJson} and {@code io.iotseal.audit.Rfc8785Json} from trees built with
 * {@link #plain()}, whose output is Jackson's default and must stay byte-for-byte what it is.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /**
     * Jackson's defaults: for building the JSON we sign or hash (credentials, status lists, audit
     * entries, checkpoints) and for reading back JSON we wrote ourselves. Changing it changes signatures
     * and audit hashes.
     */
    public static ObjectMapper plain() {
        return new ObjectMapper();
    }

    /** For JSON from outside (requests, JWS parts, key sets, a registry's answer): see {@link #strictReading}. */
    public static ObjectMapper strict() {
        return strictReading(new ObjectMapper());
    }

    /**
     * Makes a mapper read strictly: a key given twice, unknown fields, trailing tokens, floats for
     * integers, nulls for primitives, numbers for enum constants and scalar coercions ("7" for a number,
     * "true" for a boolean) are refused, and java.time is not lenient. The server's Spring mapper is
     * configured by this same method, so the request bodies and the core's parsers refuse the same.
     */
    public static <M extends ObjectMapper> M strictReading(M mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        configureCoercion(mapper);
        mapper.setDefaultLeniency(false);
        return mapper;
    }

    @SuppressWarnings("deprecation") // the builder-only form is unavailable to a mapper Spring has built
    private static void configureCoercion(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    }

    /** Indented JSON for people: the command line's {@code --json}, OSCAL documents. */
    public static ObjectMapper pretty() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The probe's reports and journal: java.time values as ISO-8601 text, not numbers. */
    public static ObjectMapper isoDates() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * YAML files given to us (standards data, assessment files, probe mappings and credential lists): a
     * key given twice, unknown fields, trailing documents and nulls for primitives are refused; java.time
     * values are read. Unlike {@link #strict()} it coerces scalars, because YAML itself types an unquoted
     * {@code 1.0} or {@code 2024} as a number where our files mean text.
     */
    public static ObjectMapper strictYaml() {
        return YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addModule(new JavaTimeModule())
                .build();
    }

    /** YAML files we write for people to edit: no {@code ---} line, quotes only where needed. */
    public static ObjectMapper yamlForEditing() {
        return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    }
}
