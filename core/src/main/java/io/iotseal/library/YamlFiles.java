package io.iotseal.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.iotseal.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML (and JSON, a subset of YAML) data files strictly: unknown fields, duplicate keys and
 * missing values are errors, and every error message names the file, the line and the field.
 */
public final class YamlFiles {
    private static final ObjectMapper MAPPER = JsonMappers.strictYaml();

    private YamlFiles() {
    }

    /** Parses {@code in} as a {@code type}; {@code name} is how the file is named in errors. */
    public static <T> T read(InputStream in, String name, Class<T> type) {
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new DataFileException(name + ": the file is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new DataFileException(describe(name, text, e), e);
        } catch (IOException e) {
            throw new DataFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** "file: line N: field.path: what is wrong", built from Jackson's location and path. */
    static String describe(String name, String text, JsonProcessingException e) {
        StringBuilder message = new StringBuilder(name);
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException unknown) {
            // Objects built through a constructor buffer unknown fields and report them at the end of
            // the object, so Jackson's line is wrong; find where the key really is.
            line = lineOfKey(text, unknown.getPropertyName(), line);
        }
        if (line > 0) {
            message.append(": line ").append(line);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            message.append(": ").append(fieldPath(mapping));
        }
        message.append(": ").append(reason(e));
        return message.toString();
    }

    private static int lineOfKey(String text, String key, int fallback) {
        Matcher m = Pattern.compile("(^|[{,\\s])\"?" + Pattern.quote(key) + "\"?\\s*:", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return fallback;
        }
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonProcessingException e) {
        // Our own checks throw IllegalArgumentException from constructors; show their message alone.
        Throwable cause = e instanceof ValueInstantiationException ? e.getCause() : null;
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        // Jackson names Java types ("value of type `io.iotseal.coverage.Verdict`"): a user needs the
        // accepted values instead, and no class names.
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            Matcher accepted = Pattern.compile("\\[([^\\]]*)]").matcher(invalid.getOriginalMessage());
            return "'" + invalid.getValue() + "' is not one of "
                    + (accepted.find() ? accepted.group(1) : "the accepted values");
        }
        String original = e.getOriginalMessage();
        int newline = original.indexOf('\n');
        String line = newline > 0 ? original.substring(0, newline) : original;
        return JAVA_TYPE.matcher(line).replaceAll(m -> m.group(2));
    }

    /** A Java type as Jackson quotes it, `java.time.LocalDate` or `io.iotseal.x.Outer$Inner`: group 2 is its simple name. */
    private static final Pattern JAVA_TYPE = Pattern.compile("`((?:[a-z_][a-z0-9_]*\\.)+(?:[A-Za-z_$][\\w]*\\$)?)([A-Za-z_][\\w]*)`");

    /** One data file could not be read; the message names the file, line and field. */
    public static final class DataFileException extends RuntimeException {
        public DataFileException(String message) {
            super(message);
        }

        DataFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
