package io.iotseal.label.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: one bit per label, index 0 being the most significant bit of the
 * first byte, published GZIP-compressed and multibase base64url-encoded ({@code u} prefix, no
 * padding). At least 131,072 entries (16 KB), so that one label's bit says little about which label
 * is being checked (herd privacy, as the specification asks).
 */
public final class BitstringStatusList {
    public static final int MIN_ENTRIES = 131_072;
    /** The largest list read or written: 2^24 entries (2 MB); a bigger one is refused (decompression bombs). */
    public static final int MAX_ENTRIES = 1 << 24;
    /** Largest encoded list accepted before decompressing. */
    public static final int MAX_ENCODED_CHARS = 4 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    public static BitstringStatusList empty(int entries) {
        if (entries < MIN_ENTRIES || entries > MAX_ENTRIES || entries % 8 != 0) {
            throw new IllegalArgumentException("a status list has between " + MIN_ENTRIES + " and " + MAX_ENTRIES
                    + " entries, a multiple of 8; found " + entries);
        }
        return new BitstringStatusList(new byte[entries / 8]);
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean get(int index) {
        checkIndex(index);
        return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    public BitstringStatusList with(int index, boolean value) {
        checkIndex(index);
        byte[] copy = Arrays.copyOf(bits, bits.length);
        if (value) {
            copy[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        } else {
            copy[index >>> 3] &= (byte) ~(0x80 >>> (index & 7));
        }
        return new BitstringStatusList(copy);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("statusListIndex " + index + " is outside the list of " + size() + " entries");
        }
    }

    /** The {@code encodedList} value: multibase base64url of the GZIP-compressed bitstring. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Reads an {@code encodedList}; refuses anything but a well-formed list of an allowed size. */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || encodedList.length() < 2 || encodedList.charAt(0) != 'u') {
            throw new IllegalArgumentException("encodedList must be multibase base64url, starting with 'u'");
        }
        if (encodedList.length() > MAX_ENCODED_CHARS) {
            throw new IllegalArgumentException("encodedList is larger than " + MAX_ENCODED_CHARS + " characters");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url: " + e.getMessage(), e);
        }
        byte[] bits;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            bits = in.readNBytes(MAX_ENTRIES / 8 + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data: " + e.getMessage(), e);
        }
        if (bits.length > MAX_ENTRIES / 8) {
            throw new IllegalArgumentException("encodedList expands to more than " + MAX_ENTRIES + " entries");
        }
        if (bits.length * 8 < MIN_ENTRIES) {
            throw new IllegalArgumentException("encodedList has " + bits.length * 8 + " entries, fewer than the "
                    + MIN_ENTRIES + " the specification requires");
        }
        return new BitstringStatusList(bits);
    }
}
