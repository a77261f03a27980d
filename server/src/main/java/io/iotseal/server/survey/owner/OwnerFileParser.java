package io.iotseal.server.survey.owner;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads an address-to-owner file line by line and hands each block to a sink, so that a file of millions of lines
 * is never held as objects. Every bad line is an error naming its line number; the caller imports nothing when
 * there is one (all or nothing). Lines that carry no owner (an RIR's available or reserved space, its AS numbers,
 * the version and summary lines, comments) are skipped and counted.
 */
final class OwnerFileParser {

    /** At most this many errors are reported; one is enough to refuse the file. */
    static final int MAX_ERRORS = 50;
    private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]{1,64}@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern CC = Pattern.compile("[A-Z]{2}");
    private static final Pattern AS = Pattern.compile("(?i)(?:AS)?(\\d{1,10})");
    private static final Pattern VERSION_LINE = Pattern.compile("\\d+(\\.\\d+)?\\|.*");

    record LineError(int line, String message) {
    }

    record Result(int blocks, int skipped, List<LineError> errors) {
    }

    private final long maxLines;
    private final Consumer<OwnerBlock> sink;
    private final List<LineError> errors = new ArrayList<>();
    private int blocks;
    private int skipped;

    private OwnerFileParser(long maxLines, Consumer<OwnerBlock> sink) {
        this.maxLines = maxLines;
        this.sink = sink;
    }

    static Result parse(SourceKind kind, Reader in, long maxLines, Consumer<OwnerBlock> sink) throws IOException {
        OwnerFileParser p = new OwnerFileParser(maxLines, sink);
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number > maxLines) {
                p.error(number, "the file has more than " + maxLines + " lines");
                break;
            }
            if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);   // a byte order mark
            }
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                p.skipped++;
                continue;
            }
            switch (kind) {
                case RIR -> {
                    if (header && VERSION_LINE.matcher(text).matches()) {
                        p.skipped++;   // version|registry|serial|records|startdate|enddate|UTCoffset
                    } else {
                        p.rir(number, text);
                    }
                }
                case ROUTES -> p.route(number, text);
                case CSV -> {
                    if (header && text.toLowerCase(Locale.ROOT).startsWith("prefix,")) {
                        p.skipped++;
                    } else {
                        p.csv(number, line);
                    }
                }
            }
            header = false;
            if (p.errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        return new Result(p.blocks, p.skipped, List.copyOf(p.errors));
    }

    /** {@code registry|cc|type|start|value|date|status[|opaque-id[|extensions]]}, or a summary line. */
    private void rir(int line, String text) {
        String[] f = text.split("\\|", -1);
        if (f.length >= 6 && "*".equals(f[1]) && "summary".equals(f[f.length - 1])) {
            skipped++;   // registry|*|type|*|count|summary
            return;
        }
        if (f.length < 7) {
            error(line, "expected registry|cc|type|start|value|date|status[|opaque-id], found " + f.length + " fields");
            return;
        }
        String registry = f[0].strip();
        String cc = f[1].strip().toUpperCase(Locale.ROOT);
        String type = f[2].strip();
        String status = f[6].strip();
        if (type.equals("asn")) {
            skipped++;
            return;
        }
        if (!type.equals("ipv4") && !type.equals("ipv6")) {
            error(line, "type must be ipv4, ipv6 or asn, not \"" + type + "\"");
            return;
        }
        if (status.equals("available") || status.equals("reserved")) {
            skipped++;   // nobody holds it
            return;
        }
        if (!status.equals("allocated") && !status.equals("assigned")) {
            error(line, "status must be allocated, assigned, available or reserved, not \"" + status + "\"");
            return;
        }
        if (!registry.matches("[a-z]{2,16}")) {
            error(line, "registry must be a registry name such as apnic, not \"" + registry + "\"");
            return;
        }
        if (!cc.isEmpty() && !CC.matcher(cc).matches()) {
            error(line, "cc must be an ISO 3166 two-letter code, not \"" + f[1] + "\"");
            return;
        }
        BigInteger start = Addresses.parse(f[3].strip());
        if (start == null || (type.equals("ipv6") != (f[3].indexOf(':') >= 0))) {
            error(line, "start \"" + f[3] + "\" is not an " + type + " address");
            return;
        }
        Long value = number(f[4].strip());
        Addresses.Range range = value == null ? null : type.equals("ipv4") ? Addresses.v4Count(start, value)
                : value > 128 ? null : Addresses.prefixOf(start, value.intValue(), true);
        if (range == null) {
            error(line, type.equals("ipv4") ? "value must be the number of addresses from start (at least 1, ending at"
                    + " 255.255.255.255 at most), not \"" + f[4] + "\""
                    : "value must be the prefix length (0-128) of start, not \"" + f[4] + "\"");
            return;
        }
        String opaque = f.length > 7 ? f[7].strip() : "";
        String owner = opaque.isEmpty() ? registry + "-" + (cc.isEmpty() ? "ZZ" : cc) : opaque;
        if (!OWNER_ID.matcher(owner).matches()) {
            error(line, "opaque-id \"" + opaque + "\" is not a usable owner id (letters, digits, . _ : -; at most 100)");
            return;
        }
        String prefix = type.equals("ipv4") ? f[3].strip() + "+" + value : f[3].strip() + "/" + value;
        for (Addresses.Range piece : Addresses.cidrs(range)) {
            block(new OwnerBlock(piece.first(), piece.last(), prefix, owner, null,
                    cc.isEmpty() || cc.equals("ZZ") ? null : cc, null, line));
        }
    }

    /** {@code prefix origin-as [name]}, separated by white space. */
    private void route(int line, String text) {
        String[] f = text.split("\\s+", 3);
        if (f.length < 2) {
            error(line, "expected prefix origin-as [name]");
            return;
        }
        Addresses.Range range = Addresses.prefix(f[0]);
        if (range == null) {
            error(line, "\"" + f[0] + "\" is not a prefix such as 192.0.2.0/24 with its host bits zero");
            return;
        }
        var as = AS.matcher(f[1]);
        if (!as.matches() || Long.parseLong(as.group(1)) > 4294967295L) {
            error(line, "origin-as \"" + f[1] + "\" is not an AS number (an AS set names no single owner)");
            return;
        }
        String name = f.length > 2 ? f[2].strip() : null;
        if (name != null && name.length() > 200) {
            error(line, "name is longer than 200 characters");
            return;
        }
        block(new OwnerBlock(range.first(), range.last(), f[0], "AS" + Long.parseLong(as.group(1)), name, null, null, line));
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** {@code prefix,owner,name,contact} with RFC 4180 quoting; name and contact may be empty. */
    private void csv(int line, String text) {
        String[] f;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(new StringReader(text))) {
            f = it.hasNext() ? it.next() : new String[0];
        } catch (IOException | RuntimeException e) {
            error(line, "not a CSV line (a quoted field must end on the same line)");
            return;
        }
        if (f.length < 2 || f.length > 4) {
            error(line, "expected prefix,owner,name,contact, found " + f.length + " fields");
            return;
        }
        Addresses.Range range = Addresses.prefix(f[0].strip());
        if (range == null) {
            error(line, "\"" + f[0] + "\" is not a prefix such as 192.0.2.0/24 with its host bits zero");
            return;
        }
        String owner = f[1].strip();
        if (!OWNER_ID.matcher(owner).matches()) {
            error(line, "owner \"" + owner + "\" must be letters, digits, . _ : - (at most 100, starting with a letter or digit)");
            return;
        }
        String name = f.length > 2 && !f[2].isBlank() ? f[2].strip() : null;
        if (name != null && name.length() > 200) {
            error(line, "name is longer than 200 characters");
            return;
        }
        String contact = f.length > 3 && !f[3].isBlank() ? f[3].strip() : null;
        if (contact != null && (contact.length() > 254 || !EMAIL.matcher(contact).matches())) {
            error(line, "contact \"" + contact + "\" is not an e-mail address");
            return;
        }
        block(new OwnerBlock(range.first(), range.last(), f[0].strip(), owner, name, null, contact, line));
    }

    private void block(OwnerBlock b) {
        if (errors.isEmpty()) {
            sink.accept(b);   // after the first error nothing will be imported; only the errors matter
        }
        blocks++;
    }

    private void error(int line, String message) {
        errors.add(new LineError(line, message));
    }

    private static Long number(String text) {
        if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(text);
    }
}
