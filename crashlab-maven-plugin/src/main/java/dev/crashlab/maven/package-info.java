/**
 * The Maven goals: {@code crashlab:backtest}, {@code crashlab:sweep}, {@code crashlab:report},
 * {@code crashlab:data}, {@code crashlab:fetch} and {@code crashlab:sample-data}. Each mojo turns
 * its parameters into a call of a job and maps failures to Maven's; the work itself lives in
 * {@code dev.crashlab.jobs}, so it behaves the same without Maven. {@code AbstractCrashlabMojo} holds what the goals share: the config, the output
 * folder, and a class loader over the user's project so that its strategy classes are found.
 *
 * <h2>Dependencies</h2>
 * The jobs module and the Maven plugin API; nothing else of crashlab's reaches into this package.
 */
package dev.crashlab.maven;
