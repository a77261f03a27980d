package io.iotseal.assessment;

import io.iotseal.applicability.Applicability;
import io.iotseal.catalog.RequirementRef;

import java.util.List;

/**
 * One requirement an assessment covers, with whether it applies to the product and why.
 * {@code textInData} is false where the data knows only the requirement's id (JC-STAR ★1 S1.1-07…15):
 * outputs then say that its text is not in IoTSeal's data, never show a bare verdict.
 */
public record ScopedRequirement(RequirementRef requirement, String title, Applicability applicability,
                                List<String> reasons, boolean textInData) {
    public ScopedRequirement {
        reasons = List.copyOf(reasons);
    }

    /** What outputs say, in place of the text, for a requirement whose text is not in the data ({@code textInData} false). */
    public static final String TEXT_NOT_IN_DATA_EN = "the criterion's text is not in IoTSeal's standards data (id only)";
    /** The Japanese of {@link #TEXT_NOT_IN_DATA_EN}, for the Japanese Declaration. */
    public static final String TEXT_NOT_IN_DATA_JA = "基準の本文は IoTSeal の規格データにありません（番号のみ）";

    /** Requirements that do not apply need no answer; applying and undetermined ones do. */
    public boolean needsAnswer() {
        return applicability != Applicability.NOT_APPLICABLE;
    }
}
