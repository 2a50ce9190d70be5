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
}
