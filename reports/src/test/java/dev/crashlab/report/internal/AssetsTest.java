package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetsTest {

    @Test
    void echartsComesFromTheWebjarMinifiedAndSafeToInline() {
        assertThat(Assets.echartsVersion()).isEqualTo("5.5.0");
        assertThat(Assets.echarts()).contains("Apache Software Foundation").hasSizeGreaterThan(500_000);
        assertThat(Assets.echarts().toLowerCase(java.util.Locale.ROOT)).doesNotContain("</script");
    }

    @Test
    void aScriptEndInsideInlinedCodeIsEscaped() {
        assertThat(Assets.forScriptElement("var s = '</script>'; var t = '</SCRIPT >';"))
                .isEqualTo("var s = '<\\/script>'; var t = '<\\/SCRIPT >';");
    }

    @Test
    void theReportScriptAndStyleAreOnTheClassPath() {
        assertThat(Assets.script()).contains("crashlab-data");
        assertThat(Assets.style()).contains(".banner-synthetic");
    }
}
