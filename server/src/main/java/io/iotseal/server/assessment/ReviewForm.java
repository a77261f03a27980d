package io.iotseal.server.assessment;

import java.util.Map;

/**
 * What the operator typed in the review form, kept when the form comes back with errors (ADR 0074):
 * the overall comment, the comment per requirement ({@code catalog#id}), the lab chosen, and the errors by
 * field ({@code comment}, {@code labId}, {@code form}).
 */
public record ReviewForm(String comment, Map<String, String> requirementComments, String labId, Map<String, String> errors) {

    static final ReviewForm EMPTY = new ReviewForm(null, Map.of(), null, Map.of());

    public String requirementComment(String requirement) {
        return requirementComments.get(requirement);
    }
}
