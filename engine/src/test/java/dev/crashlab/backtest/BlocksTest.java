package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlocksTest {

    @Test
    void entriesFillEachBlockInTurnWithoutGapsOrOverlaps() {
        int block = 0;
        int offset = 0;
        for (int k = 0; k < 200_000; k++) {
            assertThat(Blocks.block(k)).as("block of %d", k).isEqualTo(block);
            assertThat(Blocks.offset(k)).as("offset of %d", k).isEqualTo(offset);
            if (++offset == Blocks.length(block)) {
                block++;
                offset = 0;
            }
        }
    }

    @Test
    void blocksGrowFromSixteenByDoublingThenStayAtTheLastLength() {
        assertThat(Blocks.length(0)).isEqualTo(Blocks.FIRST);
        assertThat(Blocks.length(1)).isEqualTo(32);
        assertThat(Blocks.length(8)).isEqualTo(4096);
        assertThat(Blocks.length(9)).isEqualTo(Blocks.LAST);
        assertThat(Blocks.length(100)).isEqualTo(Blocks.LAST);
    }
}
