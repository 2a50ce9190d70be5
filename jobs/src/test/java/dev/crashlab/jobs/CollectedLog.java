package dev.crashlab.jobs;

import java.util.ArrayList;
import java.util.List;

/** A job log that keeps its lines for a test to read; warnings are prefixed {@code WARN }. */
final class CollectedLog implements JobLog {

    final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String line) {
        lines.add(line);
    }

    @Override
    public synchronized void warn(String line) {
        lines.add("WARN " + line);
    }
}
