package io.iotseal.label.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small subset of CBOR (RFC 8949) the QR token needs: integers, byte and text strings, arrays,
 * maps and tags, definite lengths only. The reader is strict and bounded (depth, item counts,
 * lengths checked against the bytes left) because it reads untrusted input from a QR code before
 * any signature is checked.
 */
final class Cbor {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ITEMS = 256;

    private Cbor() {
    }

    /** A tagged item, e.g. COSE_Sign1 is tag 18. */
    record Tagged(long tag, Object value) {
    }

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer head(int major, long value) {
            int m = major << 5;
            if (value < 24) {
                out.write(m | (int) value);
            } else if (value < 0x100) {
                out.write(m | 24);
                out.write((int) value);
            } else if (value < 0x10000) {
                out.write(m | 25);
                out.write((int) (value >>> 8));
                out.write((int) value);
            } else {
                out.write(m | 26);
                for (int shift = 24; shift >= 0; shift -= 8) {
                    out.write((int) (value >>> shift));
                }
            }
            return this;
        }

        Writer integer(long value) {
            return value >= 0 ? head(0, value) : head(1, -1 - value);
        }

        Writer bytes(byte[] value) {
            head(2, value.length);
            out.writeBytes(value);
            return this;
        }

        Writer text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Writer array(int size) {
            return head(4, size);
        }

        Writer map(int size) {
            return head(5, size);
        }

        Writer tag(long tag) {
            return head(6, tag);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** Reads exactly one item filling all of {@code data}. */
    static Object read(byte[] data) {
        Reader reader = new Reader(data);
        Object item = reader.item(0);
        if (reader.pos != data.length) {
            throw new IllegalArgumentException("CBOR: " + (data.length - reader.pos) + " bytes after the item");
        }
        return item;
    }

    private static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        Object item(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("CBOR: nested too deeply");
            }
            int initial = next();
            int major = initial >>> 5;
            long arg = argument(initial & 0x1f);
            switch (major) {
                case 0:
                    return arg;
                case 1:
                    return -1 - arg;
                case 2:
                    return take(arg);
                case 3:
                    try {
                        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .decode(java.nio.ByteBuffer.wrap(take(arg))).toString();
                    } catch (CharacterCodingException e) {
                        throw new IllegalArgumentException("CBOR: text is not UTF-8", e);
                    }
                case 4: {
                    List<Object> list = new ArrayList<>();
                    for (long i = 0; i < count(arg); i++) {
                        list.add(item(depth + 1));
                    }
                    return list;
                }
                case 5: {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (long i = 0; i < count(arg); i++) {
                        Object key = item(depth + 1);
                        if (map.put(key, item(depth + 1)) != null) {
                            throw new IllegalArgumentException("CBOR: duplicate map key " + key);
                        }
                    }
                    return map;
                }
                case 6:
                    return new Tagged(arg, item(depth + 1));
                default:
                    throw new IllegalArgumentException("CBOR: floats and simple values are not expected");
            }
        }

        private long count(long n) {
            if (n > MAX_ITEMS) {
                throw new IllegalArgumentException("CBOR: more than " + MAX_ITEMS + " items");
            }
            return n;
        }

        private long argument(int info) {
            if (info < 24) {
                return info;
            }
            int bytes = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                default -> throw new IllegalArgumentException("CBOR: 64-bit or indefinite lengths are not expected");
            };
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                value = (value << 8) | next();
            }
            return value;
        }

        private int next() {
            if (pos >= data.length) {
                throw new IllegalArgumentException("CBOR: truncated");
            }
            return data[pos++] & 0xff;
        }

        private byte[] take(long length) {
            if (length > data.length - pos) {
                throw new IllegalArgumentException("CBOR: a string runs past the end");
            }
            byte[] result = java.util.Arrays.copyOfRange(data, pos, pos + (int) length);
            pos += (int) length;
            return result;
        }
    }
}
