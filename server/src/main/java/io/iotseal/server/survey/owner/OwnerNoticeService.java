package io.iotseal.server.survey.owner;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's failing devices grouped by network owner (issue 18 item 4, ADR 0106), and each owner's own findings
 * for them to act on: the address, when, where and what failed, and the requirements it breaks. Nothing else of an
 * observation leaves: no banners, fingerprints or credentials (the summaries are redacted by the probe).
 */
@Service
public class OwnerNoticeService {

    private final SurveyData surveys;
    private final AddressOwnerService owners;

    OwnerNoticeService(SurveyData surveys, AddressOwnerService owners) {
        this.surveys = surveys;
        this.owners = owners;
    }

    /** An owner of failing devices: how many, and how many FAIL findings they have. */
    public record OwnerRow(String ownerId, String ownerName, String country, String contactEmail, int devicesWithFail,
                           int failFindings) {
    }

    /** One FAIL finding on one of the owner's devices. */
    public record FindingRow(String address, OffsetDateTime observedAt, Integer port, String service, String check,
                             String verdict, String summary, List<String> requirements) {
    }

    public record OwnerFindings(String campaign, String campaignTitle, String ownerId, String ownerName, String country,
                                List<FindingRow> findings) {
    }

    /** The owners of the campaign's devices with a FAIL finding, the most such devices first. */
    @Transactional(readOnly = true)
    public List<OwnerRow> owners(Actor actor, String campaign) {
        AddressOwnerService.requireOperator(actor);
        surveys.campaign(campaign);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Owner.Block> blocks = new LinkedHashMap<>();
        surveys.forEach(campaign, true, o -> {
            Owner.Block b = ownerOf(o.address());
            blocks.putIfAbsent(b.ownerId(), b);
            int[] c = counts.computeIfAbsent(b.ownerId(), k -> new int[2]);
            c[0]++;
            c[1] += (int) o.findings().stream().filter(f -> "FAIL".equals(f.verdict())).count();
        });
        List<OwnerRow> rows = new ArrayList<>();
        counts.forEach((id, c) -> {
            Owner.Block b = blocks.get(id);
            rows.add(new OwnerRow(id, b.ownerName(), b.country(), b.contactEmail(), c[0], c[1]));
        });
        rows.sort(Comparator.comparingInt(OwnerRow::devicesWithFail).reversed().thenComparing(OwnerRow::ownerId));
        return rows;
    }

    /** The FAIL findings on the owner's devices in the campaign; 404 when the owner has none there. */
    @Transactional(readOnly = true)
    public OwnerFindings findings(Actor actor, String campaign, String owner) {
        AddressOwnerService.requireOperator(actor);
        SurveyData.Campaign c = surveys.campaign(campaign);
        List<FindingRow> rows = new ArrayList<>();
        Owner.Block[] named = new Owner.Block[1];
        surveys.forEach(campaign, true, o -> {
            Owner.Block b = ownerOf(o.address());
            if (!b.ownerId().equals(owner)) {
                return;
            }
            named[0] = b;
            o.findings().stream().filter(f -> "FAIL".equals(f.verdict())).forEach(f -> rows.add(new FindingRow(
                    o.address(), o.observedAt(), f.port(), f.service(), f.check(), f.verdict(), f.summary(),
                    f.requirements())));
        });
        if (named[0] == null) {
            throw ApiException.notFound("failing devices of owner " + owner + " in survey campaign " + campaign);
        }
        return new OwnerFindings(c.id(), c.title(), owner, named[0].ownerName(), named[0].country(), rows);
    }

    private Owner.Block ownerOf(String address) {
        Owner.Block b = owners.ownerOf(address);
        return b != null ? b : new Owner.Block(null, Owner.UNKNOWN, null, null, null);
    }
}
