package io.iotseal.server.lab;

import java.util.List;
import java.util.UUID;

/** A lab with at least one accreditation valid today, as the public sees it. */
public record ApprovedLab(UUID id, String name, String nameJa, String country, List<Accreditation> accreditations) {
}
