package io.iotseal.probe.survey.nats;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** A stand-in scope for the engine alone: one IPv4 range, cut into blocks; always in its window. */
record RangeScope(String id, long first, long last, int blockSize, double rate) implements ScopeView {

    static RangeScope of(String id, InetAddress first, InetAddress last, int blockSize, double rate) {
        return new RangeScope(id, toLong(first), toLong(last), blockSize, rate);
    }

    static RangeScope fromJson(byte[] json) {
        String[] f = new String(json, StandardCharsets.UTF_8).split(",");
        return new RangeScope(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                Double.parseDouble(f[4]));
    }

    @Override
    public byte[] canonicalJson() {
        return (id + "," + first + "," + last + "," + blockSize + "," + rate).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String sha256() {
        return CampaignRun.sha256(canonicalJson());
    }

    @Override
    public Stream<String> ranges() {
        return LongStream.iterate(first, s -> s <= last, s -> s + blockSize)
                .mapToObj(s -> text(s) + "-" + text(Math.min(last, s + blockSize - 1)));
    }

    @Override
    public long addressCount() {
        return last - first + 1;
    }

    @Override
    public boolean covers(InetAddress address) {
        long a = toLong(address);
        return a >= first && a <= last;
    }

    @Override
    public boolean inWindow(Instant instant) {
        return true;
    }

    @Override
    public Iterable<InetAddress> addresses(String range) {
        String[] ends = range.split("-");
        List<InetAddress> list = new ArrayList<>();
        for (long a = toLong(parse(ends[0])); a <= toLong(parse(ends[1])); a++) {
            list.add(parse(text(a)));
        }
        return list;
    }

    static long toLong(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    static String text(long a) {
        return (a >> 24 & 0xff) + "." + (a >> 16 & 0xff) + "." + (a >> 8 & 0xff) + "." + (a & 0xff);
    }

    private static InetAddress parse(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
