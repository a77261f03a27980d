package io.iotseal.server.label;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request about a label (ADR 0053): {@code renewal} (inside the renewal window: a new credential with a new
 * validity) or {@code update} (the declaration was updated after a requirement change: the pending lapse
 * is cleared). {@code note} is required for an update: what the updated declaration covers.
 */
public record LabelRequestInput(@NotBlank String kind, @Size(max = 500) String note) {
}
