package dev.crashlab.jobs;

import dev.crashlab.config.CheckConfig;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.WalkForwardResults;
import dev.crashlab.results.check.RiskRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds the runs' results to the config's risk limits ({@code checks}): reads each checked run's
 * {@code results.json} from the output folder (and, for {@code sweep.} and {@code walkforward.}
 * figures, {@code sweep-<run>/sweep.json} and {@code walkforward-<run>/walkforward.json}, which
 * need not exist: such a rule then fails as undefined, naming the goal that writes them), evaluates its rules, logs one line per rule and
 * returns what held and what did not. The Maven goal {@code crashlab:check} is a thin shell over
 * it that fails the build when a rule does not hold.
 */
public final class CheckJob {

    /**
     * One rule on one run.
     *
     * @param run     the run's name
     * @param check   the rule and its place in the config
     * @param outcome what it found
     */
    public record Result(String run, CheckConfig check, RiskRule.Outcome outcome) {

        /** Returns the line the log and a failed build show: {@code run 'x': rule: figure = value (checks[0].rules[1])}. */
        public String line() {
            return "run '" + run + "': " + check.rule() + (outcome.holds() ? " holds: " : " does not hold: ")
                    + outcome.why() + " (" + check.path() + ")";
        }
    }

    /**
     * What the check found.
     *
     * @param results every rule on every run it applies to, in config order, run by run
     */
    public record Outcome(List<Result> results) {

        public Outcome {
            results = List.copyOf(results);
        }

        /** Returns the rules that did not hold. */
        public List<Result> failures() {
            return results.stream().filter(r -> !r.outcome().holds()).toList();
        }
    }

    private CheckJob() {
    }

    /**
     * Checks the results in {@code output} against {@code config}'s rules, for the runs named in
     * {@code only} (every run when empty); a config without checks checks nothing and says so.
     * Fails with an {@link IllegalArgumentException} when {@code only} names no run of the config
     * or a checked run has no results.json (naming the file and the goal that writes it).
     */
    public static Outcome run(CrashlabConfig config, Path output, Set<String> only, JobLog log) {
        if (config.checks().isEmpty()) {
            // The goal is bound to verify for every config a project runs; one without limits passes, saying so.
            log.info("checks: none in " + config.file() + "; add a 'checks' section to hold the runs to risk limits"
                    + " (README, \"Risk limits\")");
            return new Outcome(List.of());
        }
        for (String name : only) {
            if (config.run(name).isEmpty()) {
                throw new IllegalArgumentException("no run is called \"" + name + "\"; the runs are "
                        + config.runs().stream().map(RunConfig::name).toList());
            }
        }
        Map<String, RunResults> read = new LinkedHashMap<>();
        Map<String, SweepResults> sweeps = new LinkedHashMap<>();
        Map<String, WalkForwardResults> walkForwards = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        for (RunConfig run : config.runs()) {
            for (CheckConfig check : config.checks()) {
                if (!check.appliesTo(run.name()) || !only.isEmpty() && !only.contains(run.name())) {
                    continue;
                }
                RiskRule rule = check.rule();
                RiskRule.Outcome found = switch (rule.figure().scope()) {
                    case "sweep" -> rule.check(sweeps.computeIfAbsent(run.name(), name -> optional(
                            SweepJob.folder(output, name).resolve(SweepJob.JSON), ResultsJson::readSweep)));
                    case "walkforward" -> rule.check(walkForwards.computeIfAbsent(run.name(), name -> optional(
                            WalkForwardJob.folder(output, name).resolve(WalkForwardJob.JSON), ResultsJson::readWalkForward)));
                    default -> rule.check(read.computeIfAbsent(run.name(), name -> read(output, name)));
                };
                Result result = new Result(run.name(), check, found);
                results.add(result);
                if (result.outcome().holds()) {
                    log.info("check " + result.line());
                } else {
                    log.warn("check " + result.line());
                }
            }
        }
        Outcome outcome = new Outcome(results);
        log.info(String.format(Locale.ROOT, "checks: %d of %d held", results.size() - outcome.failures().size(), results.size()));
        return outcome;
    }

    /** Returns the document in {@code file} read by {@code reader}, or null when there is none. */
    private static <T> T optional(Path file, java.util.function.Function<Path, T> reader) {
        return Files.isRegularFile(file) ? reader.apply(file) : null;
    }

    private static RunResults read(Path output, String run) {
        Path folder = output.resolve(run);
        if (!Files.isRegularFile(folder.resolve(RunFolder.RESULTS))) {
            throw new IllegalArgumentException("run '" + run + "' has no results in " + folder.resolve(RunFolder.RESULTS)
                    + ": run crashlab:backtest first (crashlab:check reads the results it wrote)");
        }
        return RunFolder.read(folder);
    }
}
