package io.iotseal.server.product;

/** The vendor console's "add a version" form as typed (kept when it comes back with errors). */
public record VersionForm(String version, String releaseDate, String gtin, String notes) {

    public static final VersionForm EMPTY = new VersionForm("", "", "", "");
}
