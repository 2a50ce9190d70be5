package dev.crashlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void suggestsTheNearestNameWithinAFewEditsAndNothingFarther() {
        List<String> fields = List.of("name", "data", "start", "end", "initialCash", "contributions", "costs");
        assertThat(Names.didYouMean("intialCash", fields)).isEqualTo("; did you mean initialCash?");
        assertThat(Names.didYouMean("COSTS", fields)).isEqualTo("; did you mean costs?");
        assertThat(Names.didYouMean("contribution", fields)).isEqualTo("; did you mean contributions?");
        assertThat(Names.didYouMean("leverage", fields)).isEmpty();
        assertThat(Names.didYouMean("costs", fields)).as("a name that is there needs no suggestion").isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Names.distance("", "abc")).isEqualTo(3);
        assertThat(Names.distance("flaw", "lawn")).isEqualTo(2);
    }
}
