package io.iotseal.server.registry;

import io.iotseal.server.product.Gtin;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retailers' bulk check (issue 13, ADR 0080): the current status of up to {@value #MAX_ITEMS} model numbers
 * or GTINs in one call, answered from {@link StatusIndex} without a query per item.
 */
@Service
class BulkCheck {

    static final int MAX_ITEMS = 10_000;

    private final StatusIndex index;
    private final Clock clock;

    BulkCheck(StatusIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    CheckResult check(CheckInput input) {
        int n = input.modelNumbers().size() + input.gtins().size();
        if (n > MAX_ITEMS) {
            throw ApiException.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", List.of(new FieldError(
                    input.gtins().isEmpty() ? "modelNumbers" : input.modelNumbers().isEmpty() ? "gtins" : "modelNumbers, gtins",
                    "at most " + MAX_ITEMS + " model numbers and GTINs in one check; " + n + " given")));
        }
        if (n == 0) {
            throw ApiException.invalid("modelNumbers", "give at least one model number or GTIN");
        }
        // Every item is checked before anything is answered: a malformed one is a 400 naming it.
        List<String> gtins = new ArrayList<>(input.gtins().size());
        for (int i = 0; i < input.gtins().size(); i++) {
            gtins.add(Gtin.normalize("gtins[" + i + "]", input.gtins().get(i)));
        }
        for (int i = 0; i < input.modelNumbers().size(); i++) {
            String m = input.modelNumbers().get(i);
            if (m == null || m.isBlank() || m.length() > 100) {
                throw ApiException.invalid("modelNumbers[" + i + "]", "a model number of 1 to 100 characters");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        List<CheckResult.Item> results = new ArrayList<>(n);
        StatusIndex.Snapshot current = index.current();
        Map<String, List<RegistryRepository.Keyed>> byModel = current.byModelNumber();
        for (String m : input.modelNumbers()) {
            List<CheckResult.Found> found = found(byModel.getOrDefault(m.strip(), List.of()), today);
            results.add(new CheckResult.Item(m, null, anyValid(found), found));
        }
        Map<String, List<RegistryRepository.Keyed>> byGtin = current.byGtin();
        for (int i = 0; i < gtins.size(); i++) {
            List<CheckResult.Found> found = found(byGtin.getOrDefault(gtins.get(i), List.of()), today);
            results.add(new CheckResult.Item(null, input.gtins().get(i), anyValid(found), found));
        }
        return new CheckResult(now, results);
    }

    private static List<CheckResult.Found> found(List<RegistryRepository.Keyed> labels, LocalDate today) {
        if (labels.isEmpty()) {
            return List.of();
        }
        List<CheckResult.Found> out = new ArrayList<>(labels.size());
        for (RegistryRepository.Keyed k : labels) {
            out.add(new CheckResult.Found(k.labelId(), k.scheme(), k.level(),
                    LabelStatus.of(k.status(), k.expiry(), today).word(), k.expiry()));
        }
        return out;
    }

    private static boolean anyValid(List<CheckResult.Found> found) {
        return found.stream().anyMatch(f -> "valid".equals(f.status()));
    }
}
