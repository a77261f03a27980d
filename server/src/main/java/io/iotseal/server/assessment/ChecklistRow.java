package io.iotseal.server.assessment;

import java.util.List;

/**
 * One requirement of the vendor console's checklist (issue 14, ADR 0085): the requirement with its
 * applicability and stored answer, what the form shows in its fields (the stored answer, or what the user
 * typed when the save was refused), the completeness problems naming it, its evidence, and the operator's
 * requested change where the request names it. {@code index} gives the requirement's HTML ids (a
 * requirement reference such as {@code jc-star-star1#S1.1-01} is not a valid id).
 */
public record ChecklistRow(int index, RequirementView requirement, String verdict, String justification,
                           List<String> problems, List<EvidenceView> evidence, String requestedChange, String error,
                           boolean saved) {

    /** The HTML id of the requirement's section. */
    public String id() {
        return "req-" + index;
    }

    public String ref() {
        return requirement.requirement();
    }
}
