package io.iotseal.vex;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a component is not affected, in the words of the document that said so: the nine CycloneDX 1.6
 * {@code analysis.justification} values and the five labels OpenVEX and CSAF share (OpenVEX
 * {@code justification}, CSAF {@code flags[].label}). A statement keeps the value it was given; converting
 * to the other vocabulary goes through {@link #cycloneDx()} and {@link #openVex()}, which are exact only
 * where {@link #exactIn} says so. ADR 0094 has the table and why each pairing was chosen.
 */
public enum VexJustification {
    // CycloneDX 1.6
    CODE_NOT_PRESENT(Vocabulary.CYCLONEDX, "code_not_present", "vulnerable_code_not_present", true),
    CODE_NOT_REACHABLE(Vocabulary.CYCLONEDX, "code_not_reachable", "vulnerable_code_not_in_execute_path", true),
    REQUIRES_CONFIGURATION(Vocabulary.CYCLONEDX, "requires_configuration",
            "vulnerable_code_cannot_be_controlled_by_adversary", false),
    REQUIRES_DEPENDENCY(Vocabulary.CYCLONEDX, "requires_dependency", "component_not_present", false),
    REQUIRES_ENVIRONMENT(Vocabulary.CYCLONEDX, "requires_environment",
            "vulnerable_code_cannot_be_controlled_by_adversary", false),
    PROTECTED_BY_COMPILER(Vocabulary.CYCLONEDX, "protected_by_compiler", "inline_mitigations_already_exist", false),
    PROTECTED_AT_RUNTIME(Vocabulary.CYCLONEDX, "protected_at_runtime", "inline_mitigations_already_exist", false),
    PROTECTED_AT_PERIMETER(Vocabulary.CYCLONEDX, "protected_at_perimeter",
            "vulnerable_code_cannot_be_controlled_by_adversary", false),
    PROTECTED_BY_MITIGATING_CONTROL(Vocabulary.CYCLONEDX, "protected_by_mitigating_control",
            "inline_mitigations_already_exist", false),
    // OpenVEX 0.2.0 and CSAF 2.0 (the same five labels)
    COMPONENT_NOT_PRESENT(Vocabulary.OPENVEX_CSAF, "component_not_present", "code_not_present", false),
    VULNERABLE_CODE_NOT_PRESENT(Vocabulary.OPENVEX_CSAF, "vulnerable_code_not_present", "code_not_present", true),
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH(Vocabulary.OPENVEX_CSAF, "vulnerable_code_not_in_execute_path",
            "code_not_reachable", true),
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY(Vocabulary.OPENVEX_CSAF,
            "vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment", false),
    INLINE_MITIGATIONS_ALREADY_EXIST(Vocabulary.OPENVEX_CSAF, "inline_mitigations_already_exist",
            "protected_by_mitigating_control", false);

    /** Where a label comes from. */
    public enum Vocabulary {
        /** CycloneDX {@code analysis.justification}. */
        CYCLONEDX,
        /** OpenVEX {@code justification} and CSAF {@code flags[].label}, which are the same five labels. */
        OPENVEX_CSAF
    }

    private final Vocabulary vocabulary;
    private final String label;
    private final String counterpart;
    private final boolean equivalent;

    VexJustification(Vocabulary vocabulary, String label, String counterpart, boolean equivalent) {
        this.vocabulary = vocabulary;
        this.label = label;
        this.counterpart = counterpart;
        this.equivalent = equivalent;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The label as written in documents of its vocabulary. */
    public String label() {
        return label;
    }

    /** This value in CycloneDX terms: itself, or the nearest CycloneDX value (see {@link #exactIn}). */
    public VexJustification cycloneDx() {
        return vocabulary == Vocabulary.CYCLONEDX ? this : of(Vocabulary.CYCLONEDX, counterpart).orElseThrow();
    }

    /** This value in OpenVEX/CSAF terms: itself, or the nearest label (see {@link #exactIn}). */
    public VexJustification openVex() {
        return vocabulary == Vocabulary.OPENVEX_CSAF ? this : of(Vocabulary.OPENVEX_CSAF, counterpart).orElseThrow();
    }

    /**
     * Whether the value says the same thing in {@code target}: always in its own vocabulary; in the other
     * only for the two pairs whose definitions say the same (code not present, code not reachable). Every
     * other conversion is the nearest value and claims no more than that.
     */
    public boolean exactIn(Vocabulary target) {
        return target == vocabulary || equivalent;
    }

    /** The value a document of {@code vocabulary} writes as {@code label}, if any. */
    public static Optional<VexJustification> of(Vocabulary vocabulary, String label) {
        return Arrays.stream(values()).filter(j -> j.vocabulary == vocabulary && j.label.equals(label)).findFirst();
    }
}
