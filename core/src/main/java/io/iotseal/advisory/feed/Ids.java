package io.iotseal.advisory.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Vulnerability identifiers: CVE ids are what the registry shows first, so aliases list them first. */
final class Ids {
    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private Ids() {
    }

    /** The identifiers without repeats, CVE ids first, otherwise in the feed's order; {@code self} left out. */
    static List<String> cveFirst(String self, List<String> ids) {
        Set<String> cves = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (String id : ids) {
            if (id.equals(self)) {
                continue;
            }
            (CVE.matcher(id).matches() ? cves : others).add(id);
        }
        List<String> out = new ArrayList<>(cves);
        out.addAll(others);
        return out;
    }
}
