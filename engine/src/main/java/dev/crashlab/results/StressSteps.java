package dev.crashlab.results;

import java.util.List;

/**
 * The steps every stress path of a run shares: each path keeps the real bar dates, so the steps,
 * and the cash paid in by them, are the run's own.
 *
 * @param times            the time of each step (its bars' start, as results.json labels steps)
 * @param invested         initial cash plus the net external flows paid in by each step
 * @param historicalEquity the run's equity at each step's close on the real history
 */
public record StressSteps(List<java.time.Instant> times, List<Double> invested, List<Double> historicalEquity) {

    public StressSteps {
        times = List.copyOf(times);
        invested = List.copyOf(invested);
        historicalEquity = List.copyOf(historicalEquity);
        if (invested.size() != times.size() || historicalEquity.size() != times.size()) {
            throw new ResultsException("steps", "expected as many invested and historicalEquity values as times ("
                    + times.size() + "), got " + invested.size() + " and " + historicalEquity.size());
        }
    }
}
