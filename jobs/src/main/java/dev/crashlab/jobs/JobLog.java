package dev.crashlab.jobs;

/** Where a job reports progress: the Maven log in the plugin, standard output elsewhere. */
public interface JobLog {

    /** Logs a line of progress or a result. */
    void info(String line);

    /** Logs a warning a user should read. */
    void warn(String line);

    /** Returns a log that prints to standard output and standard error. */
    static JobLog console() {
        return new JobLog() {
            @Override
            public void info(String line) {
                System.out.println(line);
            }

            @Override
            public void warn(String line) {
                System.err.println("WARNING: " + line);
            }
        };
    }
}
