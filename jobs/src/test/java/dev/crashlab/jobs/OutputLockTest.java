package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder's lock makes a goal wait for another process or thread that holds it, and can be taken again within itself. */
class OutputLockTest {

    @TempDir
    Path dir;

    /** Run in another JVM: holds {@code args[0]}'s lock until its input closes, then marks the folder and lets go. */
    public static void main(String[] args) {
        Path output = Path.of(args[0]);
        OutputLock.holding(output, () -> {
            System.out.println("locked");
            System.out.flush();
            try {
                System.in.read();
                Files.writeString(output.resolve("released"), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    @Test
    void aGoalWaitsForTheLockAnotherProcessHolds() throws Exception {
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), OutputLockTest.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).isEqualTo("locked");
        AtomicBoolean afterRelease = new AtomicBoolean();

        Thread goal = new Thread(() -> OutputLock.holding(dir, () -> {
            afterRelease.set(Files.exists(dir.resolve("released")));
            return null;
        }));
        goal.start();
        // Not a timing assertion: a broken lock lets the goal finish at once; a working one holds it however long this waits.
        goal.join(300);
        assertThat(goal.isAlive()).isTrue();
        holder.getOutputStream().close();
        goal.join();

        assertThat(afterRelease).isTrue();
        assertThat(holder.waitFor()).isZero();
        assertThat(dir.resolve(OutputLock.FILE)).isEmptyFile();
    }

    @Test
    void threadsOfOneProcessTakeTheLockInTurnAndAHolderMayTakeItAgain() throws Exception {
        List<Integer> seen = new ArrayList<>();
        int[] inside = {0};
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    OutputLock.holding(dir, () -> OutputLock.holding(dir.resolve(".").resolve("x/.."), () -> {
                        // Unsynchronised on purpose: the lock alone keeps two threads from being in here at once.
                        inside[0]++;
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        seen.add(inside[0] == 1 ? id : -1);
                        inside[0]--;
                        return null;
                    }));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(200).doesNotContain(-1);
    }
}
