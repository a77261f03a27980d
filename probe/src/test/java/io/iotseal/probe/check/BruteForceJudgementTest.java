package io.iotseal.probe.check;

import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BruteForceJudgementTest {
    private static final Credential WRONG = new Credential("admin", "x", "test", true);

    private static List<LoginAttempt> series(LoginOutcome last, long... millis) {
        List<LoginAttempt> out = new ArrayList<>();
        for (int i = 0; i < millis.length; i++) {
            LoginOutcome o = i == millis.length - 1 && last != null ? last : LoginOutcome.REJECTED;
            out.add(new LoginAttempt(WRONG, o, Duration.ofMillis(millis[i]), o.name(), List.of()));
        }
        return out;
    }

    @Test
    void steadyFastRejectionsFail() {
        var j = BruteForceJudgement.judge("ssh", series(null, 20, 22, 19, 21, 20, 23));
        assertThat(j.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(j.summary()).contains("6 wrong passwords");
    }

    @Test
    void refusalAfterFailuresPasses() {
        var j = BruteForceJudgement.judge("ssh", series(LoginOutcome.REFUSED, 20, 20, 20, 1));
        assertThat(j.verdict()).isEqualTo(Verdict.PASS);
        assertThat(j.summary()).contains("after 3 failed logins");
    }

    @Test
    void refusalBeforeAnyPasswordWasCheckedIsNoEvidenceOfALockout() {
        var j = BruteForceJudgement.judge("ssh", series(LoginOutcome.REFUSED, 1));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.summary()).contains("before any password was checked");
    }

    @Test
    void growingDelayPassesButJitterDoesNot() {
        assertThat(BruteForceJudgement.judge("http", series(null, 20, 25, 400, 800, 1600, 3200)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(BruteForceJudgement.judge("http", series(null, 5, 5, 5, 12, 14, 15)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void constantDelayOfASecondPassesAndTimeoutsAreInconclusive() {
        assertThat(BruteForceJudgement.judge("telnet", series(null, 3000, 3010, 2990)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(BruteForceJudgement.judge("telnet", series(LoginOutcome.UNKNOWN, 20, 20)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(BruteForceJudgement.judge("mqtt", series(LoginOutcome.ACCEPTED, 20)).verdict()).isEqualTo(Verdict.FAIL);
    }
}
