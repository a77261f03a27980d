package io.iotseal.server.survey.owner;

/** Who holds an address, as the active address-to-owner table says. */
public final class Owner {

    /** The id under which addresses that no imported block holds are grouped. */
    public static final String UNKNOWN = "-";

    private Owner() {
    }

    /** The block that holds an address: its prefix (or RIR range) and owner. */
    public record Block(String prefix, String ownerId, String ownerName, String country, String contactEmail) {
    }
}
