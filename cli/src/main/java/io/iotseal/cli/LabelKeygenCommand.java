package io.iotseal.cli;

import io.iotseal.label.keys.KeystoreKeyManager;
import io.iotseal.label.keys.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iotseal label keygen}: create the keystore, rotate to a new key, export the public JWKS. */
@Command(name = "keygen", description = {
        "Create the keystore with a first Ed25519 key, or add a new key with --rotate (older keys stay",
        "published as retired, so labels they signed keep verifying). Prints or writes the public JWKS."})
final class LabelKeygenCommand implements Callable<Integer> {
    @Mixin KeystoreOptions keystore;
    @Option(names = "--rotate", description = "Add a new key that signs from now on.")
    boolean rotate;
    @Option(names = "--remove", paramLabel = "KID", description = "Delete a (compromised) key: labels it signed stop verifying.")
    String remove;
    @Option(names = "--jwks-out", paramLabel = "FILE", description = "Write the public JWKS here instead of printing it.")
    Path jwksOut;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean existed = Files.exists(keystore.keystore);
        KeystoreKeyManager keys = keystore.open(true);
        PrintWriter out = spec.commandLine().getOut();
        if (existed && rotate) {
            SigningKey key = keys.rotate();
            out.println("added key " + key.kid() + "; it signs from now on");
        } else if (!existed) {
            out.println("created " + keystore.keystore + " with key " + keys.active().kid());
        }
        if (remove != null) {
            keys.remove(remove);
            out.println("removed key " + remove);
        }
        String jwks = keys.publicKeys().toJwks();
        if (jwksOut != null) {
            OutputFiles.write(jwksOut, "--jwks-out", jwks + "\n");
            out.println("public keys written to " + jwksOut);
        } else {
            out.println(jwks);
        }
        return 0;
    }
}
