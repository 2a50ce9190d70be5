package dev.crashlab.jobs;

import java.util.stream.IntStream;

/**
 * One of n shards of a job's units: shard i of n ({@code i/n}, 1 ≤ i ≤ n) holds the units whose
 * index k has k mod n = i − 1. Interleaving, not cutting into blocks, spreads cheap and costly
 * units (a grid's corners) over the shards; the choice depends only on k, i and n, so that CI jobs
 * or batch schedulers that run {@code 1/n}..{@code n/n} anywhere together run every unit once.
 *
 * @param index the shard's number, from 1
 * @param count the number of shards
 */
public record Shard(int index, int count) {

    /** All units in one shard: an unsharded run. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected i/n with 1 <= i <= n");
        }
    }

    /**
     * Reads a shard as {@code -Dcrashlab.shard} gives it: {@code i/n}, such as {@code 2/3}.
     *
     * @throws IllegalArgumentException naming the text and the form expected
     */
    public static Shard parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(t.substring(0, slash).strip()), Integer.parseInt(t.substring(slash + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the error below, which shows the form expected
        }
        throw new IllegalArgumentException("crashlab.shard: expected i/n such as 2/3 (shard i of n, 1 <= i <= n), got \"" + text + "\"");
    }

    /** Returns whether this is the whole of the units. */
    public boolean all() {
        return count == 1;
    }

    /** Returns whether unit {@code unit} is in this shard. */
    public boolean contains(int unit) {
        return unit % count == index - 1;
    }

    /** Returns the units of this shard among {@code total} units, ascending. */
    public int[] units(int total) {
        return IntStream.range(0, total).filter(this::contains).toArray();
    }

    /** Returns the shard as {@code i/n}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
