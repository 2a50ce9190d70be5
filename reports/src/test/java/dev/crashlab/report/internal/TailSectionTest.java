package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.report.SampleRuns;
import dev.crashlab.results.CrisisMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.TailMetric;
import org.junit.jupiter.api.Test;

class TailSectionTest {

    @Test
    void durationBinsAreLabelledAsRangesOfDaysTheLastOpenEnded() {
        assertThat(TailSection.binLabels()).containsExactly("0–1 d", "1–7 d", "7–30 d", "30–90 d", "90–180 d", "180–365 d",
                "≥ 365 d");
    }

    @Test
    void theTailTableSetsTheStrategyItsBenchmarkAndEachRegimeSideBySideAsResultsHoldThem() {
        RunResults r = SampleRuns.playbook();

        TailSection section = new TailSection(r);

        assertThat(section.columns()).extracting(TailSection.Column::name)
                .containsExactly("Strategy", "buy-and-hold BTC-USD", "calm", "drawdown", "crash");
        assertThat(section.figures()).extracting(TailSection.FigureRow::metric).isEqualTo(TailMetric.ALL);
        TailSection.FigureRow cvar = section.figures().get(1);
        assertThat(cvar.values()).containsExactly(Formats.percent(r.tail().cvar95()), Formats.percent(r.benchmark().tail().cvar95()),
                Formats.percent(r.regimes().metrics().get(0).tail().cvar95()),
                Formats.percent(r.regimes().metrics().get(1).tail().cvar95()),
                Formats.percent(r.regimes().metrics().get(2).tail().cvar95()));
        assertThat(section.episodes()).isEqualTo(r.tail().drawdowns().size());
    }

    @Test
    void everyWindowScoredHasARowAndOneOutsideTheDataIsKeptAndSaidSo() {
        RunResults r = SampleRuns.playbook();

        TailSection section = new TailSection(r);

        assertThat(section.crises()).extracting(TailSection.CrisisRow::name)
                .containsExactlyElementsOf(SampleRuns.PLAYBOOK_CRISES.stream().map(w -> w.name()).toList());
        assertThat(section.outside()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Mt. Gox <halt>");
            assertThat(row.coverage()).isEqualTo(CrisisMetrics.NONE);
            assertThat(row.builtIn()).isFalse();
        });
        CrisisMetrics own = r.crisis("Sample liquidity crash").orElseThrow();
        TailSection.CrisisRow row = section.crises().stream().filter(c -> c.name().equals(own.name())).findFirst().orElseThrow();
        assertThat(row).isEqualTo(new TailSection.CrisisRow(own.name(), false, "2024-09-30", "2024-10-18", own.description(),
                own.coverage(), own.periods(), Formats.percent(own.totalReturn()), Formats.percent(own.benchmark().totalReturn()),
                Formats.percent(own.maxDrawdown()), Double.isNaN(own.daysToRecover()) ? "not recovered"
                        : Formats.days(own.daysToRecover()), Formats.percent(own.tail().cvar95()), own.liquidations(),
                Formats.money(own.fundingPaid()), own.heldBack(), own.totalReturn() < 0));
        assertThat(row.covered()).isTrue();
    }
}
