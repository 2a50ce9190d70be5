/**
 * A quant's own strategies, as a project that depends on crashlab would hold them: {@link
 * com.example.quant.OversoldBuyer} is found by the config through its {@code @StrategyName}.
 */
package com.example.quant;
