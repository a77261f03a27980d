package io.iotseal.server.surveillance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The vendor's comment during a hearing: what it has done or will do about the finding. */
public record CommentInput(@NotBlank @Size(max = 4000) String comment) {
}
