package io.iotseal.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.iotseal.json.JsonMappers;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * The one place that makes the JSON we read strict (ADR 0025, ADR 0068, ADR 0073). It configures the ObjectMapper
 * Spring builds, which reads every request body and is the one the server's other parsers of untrusted
 * JSON are given. What it refuses, each answered 400 naming the field ({@link ProblemHandler}):
 * <ul>
 *   <li>unknown fields, trailing tokens, floats for integers, nulls for primitives;</li>
 *   <li>a key given twice in one object (which of the two would win is parser folklore);</li>
 *   <li>scalar coercions: "7" for a number, "true" for a boolean, 12 for a text, 20301231 for a date, 0 for
 *       the first constant of an enum;</li>
 *   <li>text the database cannot store or that is not text: NUL characters and lone UTF-16 surrogates
 *       ({@code "\ud800"} is valid JSON but no Unicode string; PostgreSQL refuses NUL).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        // The features are the core's strict preset (ADR 0073), so request bodies and the core's parsers of
        // untrusted JSON refuse the same things; only the storable-text check is the server's own.
        return builder -> builder
                .deserializerByType(String.class, new PlainText())
                .postConfigurer(JsonMappers::strictReading);
    }

    /** Why the text cannot be stored, or null if it can. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone UTF-16 surrogate (not Unicode text)";
            }
        }
        return null;
    }

    /** A JSON string, and only a string, holding storable Unicode text. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = unstorable(text);
            if (problem != null) {
                // The value is not echoed in the message: it may be a password.
                throw InvalidFormatException.from(p, problem, text, String.class);
            }
            return text;
        }
    }
}
