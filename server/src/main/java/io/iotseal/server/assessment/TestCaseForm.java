package io.iotseal.server.assessment;

import java.util.Map;

/**
 * What the lab typed into one requirement's test-case form, kept when it comes back with errors (ADR 0074);
 * {@code requirement} says which of the grid's forms it belongs to, {@code errors} are by field name.
 */
public record TestCaseForm(String requirement, String testId, String kind, String verdict, String description,
                           String result, Map<String, String> errors) {

    static final TestCaseForm EMPTY = new TestCaseForm(null, null, null, null, null, null, Map.of());

    /** This form's typed values if it is the one for {@code ref}, else an empty form. */
    public TestCaseForm forRequirement(String ref) {
        return ref.equals(requirement) ? this : EMPTY;
    }

    public String error(String field) {
        return errors.get(field);
    }
}
