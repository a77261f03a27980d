package io.iotseal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.jose.DetachedJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/** {@code iotseal registry ...}: checks on what a label registry publishes. */
@Command(name = "registry", description = "Checks on what a label registry publishes.", mixinStandardHelpOptions = true,
        subcommands = RegistryCommand.VerifyDump.class)
public final class RegistryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Exit codes: 0 the dump is what the registry signed, 1 it is not (or its content is not JSON Lines),
     * 2 a file or the JWKS cannot be read or is not one.
     */
    @Command(name = "verify-dump", mixinStandardHelpOptions = true,
            description = {"Proves a copy of a registry's open-data dump genuine: checks its detached JWS"
                    + " (RFC 7797, from /api/v1/open-data/labels.jsonl.gz.jws) against the registry's published keys,"
                    + " then reads every line of it.",
                    "A mirror is genuine when this passes with the JWKS fetched from the registry itself."})
    static final class VerifyDump implements Callable<Integer> {

        /** The largest dump read into memory (EdDSA signs the whole file at once). */
        static final long MAX_DUMP_BYTES = 1L << 30;

        @Spec
        CommandSpec spec;

        @Option(names = "--dump", required = true, paramLabel = "FILE", description = "the labels.jsonl.gz file")
        Path dump;

        @Option(names = "--jws", required = true, paramLabel = "FILE", description = "its labels.jsonl.gz.jws file")
        Path jws;

        @Option(names = "--jwks", required = true, paramLabel = "URL|FILE",
                description = "the registry's public keys: its https://.../.well-known/jwks.json, or a saved copy")
        String jwks;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] content = InputFiles.bytes(dump, "--dump", MAX_DUMP_BYTES);
            String signature = new String(InputFiles.bytes(jws, "--jws", DetachedJws.MAX_CHARS), StandardCharsets.US_ASCII);
            TrustedKeys keys = keys();
            DetachedJws.Verified verified;
            try {
                verified = DetachedJws.verify(signature, content, "iotseal-label-dump", keys);
            } catch (VerificationException e) {
                out.println("NOT GENUINE: " + e.getMessage());
                return 1;
            }
            long lines = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ByteArrayInputStream(content)), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    JsonNode label = JsonMappers.strict().readTree(line);
                    if (label == null || !label.isObject() || !label.path("labelId").isTextual()) {
                        out.println("signature OK, but line " + (lines + 1) + " is not a label");
                        return 1;
                    }
                    lines++;
                }
            } catch (IOException e) {
                out.println("signature OK, but the content is not gzip JSON Lines: " + e.getMessage());
                return 1;
            }
            out.println("GENUINE: " + lines + (lines == 1 ? " label" : " labels") + ", signed by key "
                    + verified.key().kid() + " at " + verified.signedAt());
            err.flush();
            return 0;
        }

        private TrustedKeys keys() {
            String text;
            if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
                try {
                    text = RegistryClient.jwksAt(jwks, "--jwks");
                } catch (RegistryClient.UnreachableException e) {
                    throw new UserInputException("--jwks: " + e.getMessage(), e);
                }
            } else {
                text = new String(InputFiles.bytes(Path.of(jwks), "--jwks", TrustedKeys.MAX_JWKS_CHARS), StandardCharsets.UTF_8);
            }
            try {
                return TrustedKeys.fromJwks(text);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--jwks: " + jwks + ": " + e.getMessage(), e);
            }
        }
    }
}
