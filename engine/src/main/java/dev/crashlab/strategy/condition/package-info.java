/**
 * Conditions: yes-or-no questions about the current step that combine, as ta4j's rules do, into
 * the rules of a strategy and into filters around another strategy.
 *
 * <h2>Main types</h2>
 * {@link dev.crashlab.strategy.condition.Condition} ({@code and}, {@code or}, {@code negate},
 * {@code forSteps}, {@code forDays}); {@link dev.crashlab.strategy.condition.Signal}, a number read
 * at the step (a fast indicator, a close, a published series) whose comparisons and crossings are
 * conditions; {@link dev.crashlab.strategy.condition.BuyFilter}, a wrapper that holds back another
 * strategy's buys while a condition is false.
 *
 * <h2>No look-ahead</h2>
 * A condition reads only what the context shows at the step it is asked. Those that remember
 * earlier steps (held for a number of steps or days, crossings) must be asked at every step;
 * a step they were not asked at breaks their memory, so they never report what they did not see.
 *
 * <h2>Dependencies</h2>
 * The strategy API ({@code dev.crashlab.strategy}) and fast indicators
 * ({@code dev.crashlab.indicator}) only; nothing of the engine.
 */
package dev.crashlab.strategy.condition;
