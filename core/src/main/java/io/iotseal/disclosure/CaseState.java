package io.iotseal.disclosure;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a vulnerability report stands in the vendor's handling, after the phases of ISO/IEC 30111 (receipt,
 * verification, remediation development, release, post-release): our own names, not the standard's text
 * (ADR 0099). A case moves forward only; {@link #CLOSED} and {@link #REJECTED} end it.
 *
 * <ul>
 *   <li>{@code RECEIVED}: the report arrived; nobody has looked yet.</li>
 *   <li>{@code ACKNOWLEDGED}: the vendor told the reporter it has the report.</li>
 *   <li>{@code TRIAGED}: the vendor verified it and judged the impact.</li>
 *   <li>{@code FIX_IN_PROGRESS}: a remediation is being developed.</li>
 *   <li>{@code FIXED}: a fixed version exists (the case records it).</li>
 *   <li>{@code DISCLOSED}: the vulnerability and its fix are public (an advisory may be published).</li>
 *   <li>{@code CLOSED}: nothing more to do.</li>
 *   <li>{@code REJECTED}: not a vulnerability of this product, a duplicate or out of scope (with a reason).</li>
 * </ul>
 */
public enum CaseState {
    RECEIVED, ACKNOWLEDGED, TRIAGED, FIX_IN_PROGRESS, FIXED, DISCLOSED, CLOSED, REJECTED;

    /**
     * The states this one may move to. A fix that already exists when triage ends goes from TRIAGED to FIXED
     * at once; a case fixed without a public advisory (e.g. a hosted service patched for everyone) may close
     * without DISCLOSED; a report turns out not to be a vulnerability at any point before a fix.
     */
    public Set<CaseState> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACKNOWLEDGED, REJECTED);
            case ACKNOWLEDGED -> EnumSet.of(TRIAGED, REJECTED);
            case TRIAGED -> EnumSet.of(FIX_IN_PROGRESS, FIXED, REJECTED);
            case FIX_IN_PROGRESS -> EnumSet.of(FIXED, REJECTED);
            case FIXED -> EnumSet.of(DISCLOSED, CLOSED);
            case DISCLOSED -> EnumSet.of(CLOSED);
            case CLOSED, REJECTED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean mayMoveTo(CaseState target) {
        return next().contains(target);
    }

    /** No further change: the case is over. */
    public boolean terminal() {
        return next().isEmpty();
    }

    /** Whether anything of the case may be public: only once disclosed (and after, when it is closed from there). */
    public boolean disclosedBy(boolean everDisclosed) {
        return this == DISCLOSED || this == CLOSED && everDisclosed;
    }
}
