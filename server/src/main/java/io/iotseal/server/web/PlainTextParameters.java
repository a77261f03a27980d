package io.iotseal.server.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;

/**
 * Query parameters, path variables and headers bound to text get the same check as JSON text ({@link StrictJson}):
 * a NUL character (which PostgreSQL refuses, so a search answered 409 "conflict") or a lone surrogate is a
 * 400 naming the parameter ({@link ProblemHandler}'s type-mismatch answer), before any query runs.
 */
@ControllerAdvice
public class PlainTextParameters {

    @InitBinder
    void plainText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String problem = text == null ? null : StrictJson.unstorable(text);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                setValue(text);
            }
        });
    }
}
