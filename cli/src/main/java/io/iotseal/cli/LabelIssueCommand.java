package io.iotseal.cli;

import io.iotseal.label.Label;
import io.iotseal.label.LabelIssuer;
import io.iotseal.label.RegistryUrls;
import io.iotseal.label.IssuedLabel;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Scheme;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iotseal label issue}: a label from a YAML description: credential, QR text, SVG and PNG artwork. */
@Command(name = "issue", description = {
        "Issue a label from a YAML description (format iotseal-label-request/1) and write",
        "ID.vc.jwt, ID.qr.txt, ID.svg and ID.png into --out."})
final class LabelIssueCommand implements Callable<Integer> {
    @Mixin KeystoreOptions keystore;
    @Mixin StandardsOptions standards;
    @Option(names = "--label", required = true, paramLabel = "FILE", description = "The label description (YAML).")
    Path labelFile;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files written.")
    Path out;
    @Option(names = "--registry", paramLabel = "URL", defaultValue = "https://registry.example.org",
            description = "The registry's https origin: issuer, label pages under /l/, status lists under /status/ "
                    + "(default: ${DEFAULT-VALUE}).")
    String registry;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LabelRequest request = InputFiles.read(labelFile, "--label", LabelRequest.class);
        StandardsLibrary library = standards.load();
        library.requireLevel(new LevelRef(request.scheme(), request.level()));
        Scheme scheme = library.scheme(request.scheme()).orElseThrow();
        RegistryUrls urls = RegistryUrls.at(registry);
        Label label;
        try {
            label = LabelIssuer.issue(scheme, request.level(), request.id(), request.productId(), request.product(),
                    request.issued(), request.statusIndex());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--label: " + labelFile + ": " + e.getMessage(), e);
        }
        SigningKey key = keystore.open(false).active();
        IssuedLabel issued = IssuedLabel.sign(label, scheme, urls, key);
        String qr = issued.qrText();
        Files.createDirectories(out);
        Files.writeString(out.resolve(label.id() + ".vc.jwt"), issued.credential() + "\n");
        Files.writeString(out.resolve(label.id() + ".qr.txt"), qr + "\n");
        Files.writeString(out.resolve(label.id() + ".svg"), issued.svg());
        Files.write(out.resolve(label.id() + ".png"), issued.png(2));
        PrintWriter w = spec.commandLine().getOut();
        w.println("issued " + label.registrationNumber() + " (" + label.level() + ") for " + label.product().vendor()
                + " " + label.product().name().en());
        w.println("  valid " + label.issued() + " to " + label.expiry() + ", status index " + label.statusIndex()
                + ", signed by key " + key.kid());
        w.println("  QR version " + QrCodes.version(qr) + " at level M: " + qr);
        w.println("  files: " + out.resolve(label.id()) + ".{vc.jwt,qr.txt,svg,png}");
        return 0;
    }
}
