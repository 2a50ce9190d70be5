package dev.crashlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared/data}, the real market history that sits beside a checkout. Tests that
 * need it call {@link #folder()}: in CI ({@code CI=true}) a missing folder fails the test;
 * elsewhere the test is skipped with the reason printed.
 */
public final class SharedData {

    private SharedData() {
    }

    /** Returns the shared data folder, or fails (CI) or skips (elsewhere) when it is missing. */
    public static Path folder() {
        Path found = locate();
        if (found != null) {
            return found;
        }
        String reason = "../shared/data not found beside the checkout (looked from " + Path.of("").toAbsolutePath()
                + "; set CRASHLAB_SHARED_DATA to point at it)";
        Prerequisites.missing(reason, "CI must provide the shared data");
        return null;
    }

    /**
     * Returns the bench data of {@code ../shared/bench} (its {@code make_bars.py}): {@code bars}
     * bars from {@code seed}, written once into {@code target/bench/} by python3 and checked
     * against {@code sha256}; fails (CI) or skips (elsewhere) when the bench folder or python3 is
     * missing.
     */
    public static Path benchBars(int bars, long seed, String sha256) {
        Path data = folder();
        Path script = data.getParent().resolve("bench").resolve("make_bars.py");
        if (!Files.isRegularFile(script)) {
            Prerequisites.missing("../shared/bench/make_bars.py not found beside " + data, "CI must provide the shared bench");
        }
        Path out = Path.of("target", "bench", "bars-" + bars + "-" + seed + ".csv").toAbsolutePath();
        try {
            if (!Files.isRegularFile(out) || !sha256Of(out).equals(sha256)) {
                Files.createDirectories(out.getParent());
                Path partial = out.resolveSibling(out.getFileName() + ".part");
                Process p = new ProcessBuilder("python3", script.toString(), Integer.toString(bars), Long.toString(seed),
                        partial.toString()).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("make_bars.py failed: " + output);
                }
                Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = sha256Of(out);
            if (!actual.equals(sha256)) {
                throw new IllegalStateException(out + ": SHA-256 " + actual + ", the bench README says " + sha256);
            }
        } catch (java.io.IOException e) {
            Prerequisites.missing("cannot run python3 ../shared/bench/make_bars.py: " + e.getMessage(),
                    "CI must have python3 to generate the bench data");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String sha256Of(Path file) throws java.io.IOException {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (java.io.InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, read);
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns {@code name} inside the shared data folder. */
    public static Path file(String name) {
        return folder().resolve(name);
    }

    private static Path locate() {
        String override = System.getenv("CRASHLAB_SHARED_DATA");
        if (override != null && Files.isDirectory(Path.of(override))) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
                return candidate;
            }
        }
        return null;
    }
}
