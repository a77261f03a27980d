package io.iotseal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.label.LabelFacts;
import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.status.StatusListCredential;
import io.iotseal.label.status.StatusPurpose;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iotseal label verify}: offline verification of a label, or online with {@code --online}. Exit 0
 * only for a valid label; 1 when it is suspended, revoked, expired or invalid (the reason is printed);
 * 2 for bad options; 5 when the registry could not be asked (nothing was decided).
 */
@Command(name = "verify", description = {
        "Verify a label offline from its QR text, its credential or an image of its QR code, against the",
        "operator's JWKS and, with --status-list, its current status; with --online, fetch the status lists",
        "(and, without --jwks, the keys) from the registry and ask it for the label's live status and reason.",
        "Exit 0 only when the label is valid; 1 when it is not; 2 for bad options; 5 when the registry",
        "could not be asked."})
final class LabelVerifyCommand implements Callable<Integer> {
    static final int EXIT_NOT_VALID = 1;
    static final int EXIT_UNREACHABLE = 5;

    static final class Input {
        @Option(names = "--qr", paramLabel = "TEXT", description = "The text of the label's QR code.")
        String qr;
        @Option(names = "--credential", paramLabel = "FILE", description = "The label credential (vc+jwt).")
        Path credential;
        @Option(names = "--image", paramLabel = "FILE", description = "A PNG (or JPEG) image of the QR code.")
        Path image;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;
    @Option(names = "--jwks", paramLabel = "FILE",
            description = "The operator's public keys (JWKS); required unless --online is given.")
    Path jwks;
    @Option(names = "--online", paramLabel = "URL",
            description = "The registry's origin, e.g. https://registry.example.org: check the live status there.")
    String online;
    @Option(names = "--status-list", paramLabel = "FILE", description = "A status list credential (vc+jwt); repeatable.")
    List<Path> statusLists = new ArrayList<>();
    @Option(names = "--at", paramLabel = "DATE", description = "Verify as of this date (YYYY-MM-DD, UTC noon) or instant; default now.")
    String at;
    @Option(names = "--page-base", paramLabel = "URL",
            description = "Require the QR code to open a page under this base, e.g. https://registry.example.org/l/.")
    String pageBase;
    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (jwks == null && online == null) {
            throw new UserInputException("--jwks: the operator's public keys are required unless --online is given");
        }
        if (online != null && !statusLists.isEmpty()) {
            throw new UserInputException("--status-list: give status list files or --online, not both");
        }
        RegistryClient registry = online == null ? null : RegistryClient.of(online);
        try {
            return verify(registry);
        } catch (RegistryClient.UnreachableException e) {
            spec.commandLine().getErr().println("iotseal: cannot check online, nothing was decided: " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
    }

    private int verify(RegistryClient registry) {
        TrustedKeys keys = trustedKeys(registry);
        List<String> lists = new ArrayList<>();
        for (Path list : statusLists) {
            lists.add(read(list, "--status-list", StatusListCredential.MAX_CHARS));
        }
        if (registry != null) {
            for (StatusPurpose purpose : StatusPurpose.values()) {
                lists.add(registry.statusList(purpose));
            }
        }
        Instant when = instant();
        LabelVerifier verifier = new LabelVerifier(keys, pageBase);
        Verification result;
        if (input.qr != null) {
            result = verifier.verifyQrText(input.qr, lists, when);
        } else if (input.credential != null) {
            result = verifier.verifyCredential(read(input.credential, "--credential", LabelCredential.MAX_CHARS), lists, when);
        } else {
            result = verifier.verifyImage(bytes(input.image), lists, when);
        }
        if (registry != null && result.facts().isPresent()) {
            Verification checked = result;
            result = registry.labelStatus(result.facts().get().id()).map(live -> live.applyTo(checked)).orElse(result);
        }
        print(result, when);
        return result.isValid() ? 0 : EXIT_NOT_VALID;
    }

    /** The pinned JWKS file, or else the registry's own (then only as trustworthy as the HTTPS connection). */
    private TrustedKeys trustedKeys(RegistryClient registry) {
        if (jwks != null) {
            try {
                return TrustedKeys.fromJwks(read(jwks, "--jwks", TrustedKeys.MAX_JWKS_CHARS));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--jwks: " + jwks + ": " + e.getMessage(), e);
            }
        }
        TrustedKeys fetched;
        try {
            fetched = TrustedKeys.fromJwks(registry.jwks());
        } catch (IllegalArgumentException e) {
            throw new RegistryClient.UnreachableException(registry.origin() + "/.well-known/jwks.json: " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("iotseal: keys fetched from " + registry.origin() + " (give --jwks to pin them)");
        return fetched;
    }

    private void print(Verification result, Instant when) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = Json.object().put("verdict", result.verdict().name()).put("reason", result.reason())
                    .put("statusChecked", result.statusChecked()).put("at", when.toString());
            // Which status lists the verdict rests on: statusChecked is true only when both were.
            var statusesChecked = node.putArray("statusesChecked");
            result.statusesChecked().forEach(p -> statusesChecked.add(p.code()));
            result.facts().ifPresent(f -> node.set("label", factsJson(f)));
            out.println(Json.write(node));
            return;
        }
        result.facts().ifPresent(f -> printFacts(f, out));
        out.println("verdict:      " + result.verdict() + " (" + result.reason() + ")");
        if (!result.isValid()) {
            spec.commandLine().getErr().println("iotseal: label is " + result.verdict() + ": " + result.reason());
        }
    }

    private static ObjectNode factsJson(LabelFacts f) {
        ObjectNode node = Json.object().put("id", f.id()).put("registrationNumber", f.registrationNumber())
                .put("level", f.level()).put("vendor", f.vendor());
        f.productName().forEach(node.putObject("productName")::put);
        f.models().forEach(node.putArray("models")::add);
        node.put("modelsOmitted", f.modelsOmitted());
        f.versions().forEach(node.putArray("versions")::add);
        node.put("versionsOmitted", f.versionsOmitted()).put("validFrom", f.validFrom().toString())
                .put("validUntil", f.validUntil().toString()).put("statusIndex", f.statusIndex()).put("kid", f.kid());
        return node;
    }

    private static void printFacts(LabelFacts f, PrintWriter out) {
        out.println("label:        " + f.id() + "  " + f.registrationNumber() + "  (" + f.level() + ")");
        out.println("product:      " + f.vendor() + " / " + String.join(" / ", f.productName().values()));
        out.println("models:       " + String.join(", ", f.models())
                + (f.modelsOmitted() > 0 ? " and " + f.modelsOmitted() + " more (see the credential)" : ""));
        if (!f.versions().isEmpty() || f.versionsOmitted() > 0) {
            out.println("versions:     " + String.join(", ", f.versions())
                    + (f.versionsOmitted() > 0 ? " and " + f.versionsOmitted() + " more" : ""));
        }
        out.println("valid:        " + f.validFrom() + " to " + f.validUntil());
        out.println("status index: " + f.statusIndex() + "   key: " + f.kid());
    }

    private Instant instant() {
        if (at == null) {
            return Instant.now();
        }
        try {
            return at.length() == 10 ? LocalDate.parse(at).atTime(12, 0).toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserInputException("--at: '" + at + "' is not a date (2027-01-31) or an instant (2027-01-31T10:00:00Z)");
        }
    }

    private static String read(Path file, String option, int maxChars) {
        return new String(InputFiles.bytes(file, option, maxChars), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static byte[] bytes(Path file) {
        return InputFiles.bytes(file, "--image", LabelVerifier.MAX_IMAGE_BYTES);
    }
}
