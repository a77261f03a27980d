package io.iotseal.cli;

import io.iotseal.label.RegistryUrls;
import io.iotseal.label.status.BitstringStatusList;
import io.iotseal.label.status.StatusListCredential;
import io.iotseal.label.status.StatusPurpose;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iotseal label status-list}: a signed Bitstring Status List credential with the given bits set. */
@Command(name = "status-list", description = {
        "Write a signed BitstringStatusListCredential (vc+jwt) for one purpose, with the bits of the",
        "given status indexes set (revoked or suspended labels). The registry keeps these up to date."})
final class LabelStatusListCommand implements Callable<Integer> {
    @Mixin KeystoreOptions keystore;
    @Option(names = "--purpose", required = true, paramLabel = "revocation|suspension")
    String purpose;
    @Option(names = "--set", paramLabel = "INDEX", description = "A status index whose bit is set; repeatable.")
    List<Integer> set = new ArrayList<>();
    @Option(names = "--entries", defaultValue = "131072", description = "List size (default: ${DEFAULT-VALUE}).")
    int entries;
    @Option(names = "--validity", defaultValue = "P7D", description = "How long the list is valid (default: ${DEFAULT-VALUE}).")
    Duration validity;
    @Option(names = "--ttl", defaultValue = "PT5M", description = "How long caches may keep it (default: ${DEFAULT-VALUE}).")
    Duration ttl;
    @Option(names = "--valid-from", paramLabel = "INSTANT",
            description = "Start of validity, e.g. 2027-06-01T00:00:00Z (default: now).")
    String validFrom;
    @Option(names = "--registry", paramLabel = "URL", defaultValue = "https://registry.example.org")
    String registry;
    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StatusPurpose p = StatusPurpose.fromCode(purpose);
        BitstringStatusList list = BitstringStatusList.empty(entries);
        for (int index : set) {
            list = list.with(index, true);
        }
        RegistryUrls urls = RegistryUrls.at(registry);
        var key = keystore.open(false).active();
        OutputFiles.write(out, "--out", StatusListCredential.sign(urls.statusListUrl(p), urls.issuer(), p, list, validFrom(),
                validity, ttl, key) + "\n");
        spec.commandLine().getOut().println("wrote the " + p.code() + " status list (" + set.size() + " of " + entries
                + " bits set, valid " + validity + ", ttl " + ttl + ") to " + out);
        return 0;
    }

    private Instant validFrom() {
        if (validFrom == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(validFrom);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserInputException("--valid-from: '" + validFrom + "' is not an instant such as 2027-06-01T00:00:00Z");
        }
    }
}
