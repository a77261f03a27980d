package io.iotseal.probe.survey;

import io.iotseal.probe.check.AnonymousAccessCheck;
import io.iotseal.probe.check.DefaultCredentialCheck;
import io.iotseal.probe.check.InformationDisclosureCheck;
import io.iotseal.probe.check.OpenServicesCheck;
import io.iotseal.probe.check.PlaintextManagementCheck;
import io.iotseal.probe.check.SnmpCommunityCheck;
import io.iotseal.probe.check.SshAlgorithmsCheck;
import io.iotseal.probe.check.SsdpExposureCheck;
import io.iotseal.probe.check.TlsCertificateCheck;
import io.iotseal.probe.check.TlsProtocolCheck;

import java.util.Set;

/** The checks a survey may run (docs/surveys.md): those that cost a device a few connections at most. */
public final class SurveyChecks {
    /** Checks allowed in a survey scope. */
    public static final Set<String> ALLOWED = Set.of(OpenServicesCheck.ID, InformationDisclosureCheck.ID,
            PlaintextManagementCheck.ID, DefaultCredentialCheck.ID, AnonymousAccessCheck.ID, TlsProtocolCheck.ID,
            TlsCertificateCheck.ID, SshAlgorithmsCheck.ID, SnmpCommunityCheck.ID, SsdpExposureCheck.ID);

    /**
     * Why brute-force-resistance is never allowed: it sends many deliberately wrong logins, which can lock
     * out a stranger's device and is an attack on it, not an observation of it.
     */
    public static final String BRUTE_FORCE_EXCLUDED = "brute-force-resistance sends many wrong logins: it may lock "
            + "out a stranger's device, so a survey observes and never attacks";

    private SurveyChecks() {
    }
}
