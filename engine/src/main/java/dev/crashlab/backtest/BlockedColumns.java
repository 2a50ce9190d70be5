package dev.crashlab.backtest;

import java.util.Arrays;
import java.util.Objects;

/**
 * Columns appended entry by entry and kept in {@link Blocks}: the blocks of entries and where the
 * next entry goes. A subclass holds its columns in its block type {@code B} and makes a block of
 * a given length.
 *
 * @param <B> the block: the columns of its entries
 */
abstract class BlockedColumns<B> {

    private Object[] blocks = new Object[4];
    /** The number of entries appended. */
    int size;
    /** The position of the next entry in the last block, and that block's length. */
    int free;
    int room;
    private B last;

    /** Returns a new block of {@code length} entries. */
    abstract B newBlock(int length);

    /** Returns the block the next entry goes to, at position {@link #free}: a new one when the last is full. */
    final B nextBlock() {
        if (free == room) {
            int b = Blocks.block(size);
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, b * 2);
            }
            room = Blocks.length(b);
            last = newBlock(room);
            blocks[b] = last;
            free = 0;
        }
        return last;
    }

    /** Counts the entry just written at {@link #free}. */
    final void appended() {
        free++;
        size++;
    }

    /** Returns the block of entry {@code k}. */
    @SuppressWarnings("unchecked")
    final B blockOf(int k) {
        Objects.checkIndex(k, size);
        return (B) blocks[Blocks.block(k)];
    }

    /** Returns a pass over the entries appended so far, in order, before the first. */
    final Pass pass() {
        return new Pass();
    }

    /**
     * A pass over the entries in order: {@link #next} moves to the next entry, {@link #block} and
     * {@link #offset} locate it. A pass reads every entry without finding its block by index
     * ({@link #blockOf} and {@link Blocks#offset} per field and entry were a tenth of a result
     * over 200,000 fills).
     */
    final class Pass {
        private final int end = size;
        private int k = -1;
        private int b = -1;
        private int j;
        private int length;
        private B block;

        /** Moves to the next entry; returns false, and stays, when there is none. */
        @SuppressWarnings("unchecked")
        boolean next() {
            if (k + 1 >= end) {
                return false;
            }
            k++;
            if (++j >= length) {
                b++;
                block = (B) blocks[b];
                length = Blocks.length(b);
                j = 0;
            }
            return true;
        }

        /** Returns the index of the current entry. */
        int index() {
            return k;
        }

        /** Returns the current entry's block. */
        B block() {
            return block;
        }

        /** Returns the current entry's position in its block. */
        int offset() {
            return j;
        }
    }
}
