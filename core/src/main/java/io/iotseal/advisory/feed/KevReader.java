package io.iotseal.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.advisory.KevEntry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * CISA's Known Exploited Vulnerabilities catalog (JSON) → {@link KevEntry} per entry. {@code cveID} and
 * {@code dateAdded} are required; {@code knownRansomwareCampaignUse} is "Known" or "Unknown".
 */
final class KevReader {

    private KevReader() {
    }

    static void read(String file, byte[] content, BatchBuilder out) throws FeedException {
        JsonNode root = FeedJson.read(file, content);
        FeedJson.expect(FeedKind.KEV, file, root);
        JsonNode list = root.path("vulnerabilities");
        if (!list.isArray()) {
            throw new FeedException(file + " /vulnerabilities", "required: the catalog's array of entries");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "/vulnerabilities/" + i;
            JsonNode v = list.get(i);
            String cve = FeedJson.required(file, v, at, "cveID");
            if (!Ids.CVE.matcher(cve).matches()) {
                throw new FeedException(file + " " + at + "/cveID", "'" + cve + "' is not a CVE identifier");
            }
            out.add(new KevEntry(cve, FeedJson.text(v, "vendorProject"), FeedJson.text(v, "product"),
                    date(file, v, at, "dateAdded", true), date(file, v, at, "dueDate", false),
                    "Known".equalsIgnoreCase(FeedJson.text(v, "knownRansomwareCampaignUse"))));
        }
    }

    private static LocalDate date(String file, JsonNode v, String at, String field, boolean required) throws FeedException {
        String text = required ? FeedJson.required(file, v, at, field) : FeedJson.text(v, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FeedException(file + " " + at + "/" + field, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
