package io.iotseal.server.advisory;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisoryMatch;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.MatchBasis;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interim: until the core's matching lands. Versions compared as strings, enough for these tests' versions. */
@TestConfiguration
public class InterimMatching {

    @Bean
    AdvisoryMatching advisoryMatching() {
        return advisories -> {
            Map<String, List<Object[]>> byKey = new HashMap<>();
            for (Advisory a : advisories) {
                for (AffectedPackage p : a.packages()) {
                    byKey.computeIfAbsent(MatchKeys.purlKey(p.purl()), k -> new ArrayList<>())
                            .add(new Object[]{a.id(), MatchBasis.PURL, p.ranges().get(0).events().get(1).version()});
                }
                for (AffectedCpe c : a.cpes()) {
                    byKey.computeIfAbsent(MatchKeys.cpeKey(c.criteria()), k -> new ArrayList<>())
                            .add(new Object[]{a.id(), MatchBasis.CPE, c.endExcluding()});
                }
            }
            return (purl, cpe, version) -> {
                List<AdvisoryMatch> out = new ArrayList<>();
                String pk = MatchKeys.purlKey(purl);
                for (Object[] e : pk == null ? List.<Object[]>of() : byKey.getOrDefault(pk, List.of())) {
                    if (version.compareTo((String) e[2]) < 0) {
                        out.add(new AdvisoryMatch((String) e[0], MatchBasis.PURL, (String) e[2], "test"));
                    }
                }
                String ck = pk == null ? MatchKeys.cpeKey(cpe) : null;
                for (Object[] e : ck == null ? List.<Object[]>of() : byKey.getOrDefault(ck, List.of())) {
                    if (version.compareTo((String) e[2]) < 0) {
                        out.add(new AdvisoryMatch((String) e[0], MatchBasis.CPE, (String) e[2], "test"));
                    }
                }
                return out;
            };
        };
    }

    @Bean
    AdvisorySeverity advisorySeverity() {
        return severities -> severities.isEmpty() ? null
                : new AdvisorySeverity.Score("3.1", 9.8, "CRITICAL", severities.get(0).vector());
    }
}
