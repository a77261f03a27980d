package io.iotseal.openpgp;

import org.bouncycastle.bcpg.ArmoredOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** ASCII armor (RFC 4880 section 6.2) without a Version header, so the same input gives the same text. */
final class Armor {

    private Armor() {
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static ArmoredOutputStream open(OutputStream out) {
        ArmoredOutputStream armor = new ArmoredOutputStream(out);
        armor.setHeader(ArmoredOutputStream.VERSION_HDR, null);
        return armor;
    }

    /** Armors what {@code writer} writes. */
    static String of(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = open(bytes)) {
            writer.write(armor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
