package dev.crashlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.jobs.JobLog;
import dev.crashlab.jobs.StressJob;
import dev.crashlab.jobs.SweepJob;
import dev.crashlab.testing.TestFiles;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1 (a master JVM and a worker JVM, from the Spark jars on
 * the test classpath) runs a sweep and a stress set submitted through {@code SparkSubmit} with
 * {@link CrashlabSubmit} as the application ({@code --goal sweep}, {@code --goal stress}), on the
 * master {@code --master} names, and the driver writes what the local executor writes (apart from
 * the time it was generated). Walk-forwards take the same path and are held to the local bytes on
 * Spark {@code local[2]} ({@link SparkExecutorTest}). Where the machine cannot start the cluster
 * the test is skipped, saying why.
 */
class StandaloneClusterTest {

    /** How long a JVM may take to come up on a busy machine; a wait, not a measurement. */
    private static final long START_SECONDS = 180;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopCluster() {
        for (Process p : started.reversed()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aSweepAndAStressSetSubmittedToAStandaloneClusterWriteWhatTheLocalExecutorWrites() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // Spark reads its version and Scala version from a distribution; from Maven jars it needs these two.
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark 4.2.0 (jars from the Maven test classpath)\n");
        int masterPort = freePort();
        String master = "spark://127.0.0.1:" + masterPort;

        Process masterJvm = start("master", classpath, sparkHome, List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()));
        awaitLine(masterJvm, "master", "I have been elected leader");
        Process workerJvm = start("worker", classpath, sparkHome, List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "2", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", Files.createDirectories(dir.resolve("work")).toString(), master);
        awaitLine(workerJvm, "worker", "Successfully registered with master");

        Path config = SparkExecutorTest.config(dir);
        Path app = applicationJar();
        // The master is spark-submit's --master: CrashlabSubmit names none of its own.
        String sweepLog = submit(classpath, sparkHome, master, app, config, "sweep");
        assertThat(sweepLog).contains("sweep: 12 units in ").contains("on Spark " + master);
        String stressLog = submit(classpath, sparkHome, master, app, config, "stress");
        assertThat(stressLog).contains("stress: 16 units in ").contains("on Spark " + master);

        SweepJob.run(ConfigLoader.load(config), dir.resolve("local"), getClass().getClassLoader(), 2, Clock.systemUTC(),
                JobLog.console());
        StressJob.run(ConfigLoader.load(config), dir.resolve("local"), getClass().getClassLoader(), Set.of(), 2,
                Clock.systemUTC(), JobLog.console());
        Map<String, String> cluster = TestFiles.contents(dir.resolve("cluster-sweep/sweep-dca"));
        Map<String, String> local = TestFiles.contents(dir.resolve("local/sweep-dca"));
        assertThat(cluster.keySet()).isEqualTo(local.keySet());
        assertThat(cluster.get("variants.csv")).isEqualTo(local.get("variants.csv"));
        assertThat(withoutTime(cluster.get("best/results.json"))).isEqualTo(withoutTime(local.get("best/results.json")));
        assertThat(withoutTime(cluster.get("sweep.json"))).isEqualTo(withoutTime(local.get("sweep.json")));
        assertThat(withoutTime(Files.readString(dir.resolve("cluster-stress/stress-dca/stress.json"))))
                .isEqualTo(withoutTime(Files.readString(dir.resolve("local/stress-dca/stress.json"))));
    }

    /**
     * Submits {@code goal} of {@code config} to the cluster at {@code master} through SparkSubmit in
     * client mode, writing into {@code cluster-<goal>}; waits for it to succeed and returns its log.
     */
    private String submit(String classpath, Path sparkHome, String master, Path app, Path config, String goal)
            throws IOException, InterruptedException {
        Process submit = start("submit-" + goal, classpath, sparkHome, List.of("-Xmx768m"), "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--deploy-mode", "client", "--class", CrashlabSubmit.class.getName(),
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m", "--conf", "spark.executor.cores=2",
                "--conf", "spark.executor.extraClassPath=" + classpath,
                app.toString(), config.toString(), "--goal", goal, "--output", dir.resolve("cluster-" + goal).toString());
        boolean finished = submit.waitFor(600, TimeUnit.SECONDS);
        String log = Files.readString(dir.resolve("submit-" + goal + ".log"));
        assertThat(finished).as("spark-submit of the %s finished; its log:%n%s", goal, log).isTrue();
        assertThat(submit.exitValue()).as("spark-submit's exit code; its log:%n%s", log).isZero();
        return log;
    }

    private static String withoutTime(String json) {
        return json.replaceAll("\"generatedAt\" : \"[^\"]*\"", "\"generatedAt\" : \"T\"");
    }

    /** Starts {@code main} in a new JVM with spark-submit's JVM options, its output in {@code <name>.log}. */
    private Process start(String name, String classpath, Path sparkHome, List<String> jvm, String main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        String options = System.getProperty("crashlab.spark.jvmOptions", "");
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());  // INFO: the lines awaited are INFO lines
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits for {@code line} in the log of {@code process}; skips the test, saying why, when it does not come. */
    private void awaitLine(Process process, String name, String line) throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        String text = Files.exists(log) ? Files.readString(log) : "";
        String reason = "this machine cannot start a Spark standalone " + name + " on 127.0.0.1 (no \"" + line + "\" within "
                + START_SECONDS + " s" + (process.isAlive() ? "" : ", it exited with " + process.exitValue()) + "); its log ends:\n"
                + text.substring(Math.max(0, text.length() - 3000));
        System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + reason);
        Assumptions.abort(reason);
    }

    /** Returns a jar of this module's main classes: the application spark-submit submits. */
    private Path applicationJar() throws IOException {
        Path classes = Path.of(CrashlabSubmit.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path jar = dir.resolve("crashlab-spark-app.jar");
        if (Files.isRegularFile(classes)) {
            return Files.copy(classes, jar);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private String log4jConfig() throws IOException {
        Path config = dir.resolve("cluster-log4j2.properties");
        if (!Files.exists(config)) {
            Files.writeString(config, String.join("\n", "rootLogger.level = info", "rootLogger.appenderRef.stdout.ref = console",
                    "appender.console.type = Console", "appender.console.name = console",
                    "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
                    ""));
        }
        return config.toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
