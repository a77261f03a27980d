package io.iotseal.server.registry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Patching the bulk check's index with the rows of the products that changed (ADR 0080). */
class StatusIndexTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    private RegistryRepository.Keyed keyed(String key, UUID product, String labelId, String status) {
        return new RegistryRepository.Keyed(key, product, labelId, "jc-star", "star-1", status, LocalDate.of(2028, 1, 1));
    }

    @Test
    void aChangedProductsEntriesAreReplacedUnderEveryKeyAndTheOthersKept() {
        Map<String, List<RegistryRepository.Keyed>> before = StatusIndex.patch(Map.of(), List.of(), List.of(
                keyed("RT-1", a, "LA1", "ACTIVE"), keyed("RT-1", b, "LB1", "ACTIVE"),
                keyed("RT-2", a, "LA1", "ACTIVE"), keyed("CAM-9", b, "LB1", "ACTIVE")));
        assertThat(before.get("RT-1")).hasSize(2);

        // Product a: suspended, and its model RT-2 renamed RT-3.
        Map<String, List<RegistryRepository.Keyed>> after = StatusIndex.patch(before, Set.of(a), List.of(
                keyed("RT-1", a, "LA1", "SUSPENDED"), keyed("RT-3", a, "LA1", "SUSPENDED")));
        assertThat(after.get("RT-1")).extracting(RegistryRepository.Keyed::labelId, RegistryRepository.Keyed::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("LB1", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple("LA1", "SUSPENDED"));
        assertThat(after).doesNotContainKey("RT-2");
        assertThat(after.get("RT-3")).singleElement().extracting(RegistryRepository.Keyed::status).isEqualTo("SUSPENDED");
        assertThat(after.get("CAM-9")).isSameAs(before.get("CAM-9"));
        // The index being answered from is never changed in place.
        assertThat(before.get("RT-2")).hasSize(1);
        assertThat(before.get("RT-1")).extracting(RegistryRepository.Keyed::status).containsOnly("ACTIVE");

        // Product b withdrawn from the public registry: no rows come back, its entries go.
        Map<String, List<RegistryRepository.Keyed>> withdrawn = StatusIndex.patch(after, Set.of(b), List.of());
        assertThat(withdrawn).doesNotContainKey("CAM-9");
        assertThat(withdrawn.get("RT-1")).extracting(RegistryRepository.Keyed::labelId).containsExactly("LA1");
    }
}
