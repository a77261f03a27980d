package io.iotseal.server.survey.owner;

import java.math.BigInteger;

/** One block of an imported address-to-owner table, with the line of the file it came from. */
record OwnerBlock(BigInteger first, BigInteger last, String prefix, String ownerId, String ownerName, String country,
                  String contactEmail, int line) {
}
