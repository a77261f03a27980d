package io.iotseal.server.assessment;

import java.util.Map;

/**
 * What the operator typed in the review form, kept when the form comes back with errors (ADR 0074):
 * the overall comment, the comment per requirement ({@code catalog#id}), the lab and the decision chosen, and the errors by
 * field ({@code comment}, {@code labId}, {@code form}).
 */
public record ReviewForm(String comment, Map<String, String> requirementComments, String labId, String action,
                         Map<String, String> errors) {

    static final ReviewForm EMPTY = new ReviewForm(null, Map.of(), null, null, Map.of());

    /** The user name in an audit name ({@code user:name (uuid)}), as the pages show who did something. */
    public static String who(String auditName) {
        return auditName == null ? null : auditName.replaceFirst("^user:(.+) \\([0-9a-f-]{36}\\)$", "$1");
    }

    public String requirementComment(String requirement) {
        return requirementComments.get(requirement);
    }
}
