package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message for a case's thread. */
public record MessageInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body) {
}
