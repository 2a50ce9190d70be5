package dev.crashlab.report;

import dev.crashlab.testing.Prerequisites;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket on a
 * loopback port, with the JDK's HTTP client: no WebDriver, nothing downloaded). It opens a page,
 * records every console message, uncaught exception, log entry and network request, evaluates
 * script in the page, and takes screenshots.
 *
 * <p>{@link #find()} locates the binary; where there is none, tests are skipped with the reason
 * printed, except in CI ({@code CI=true}), where they fail.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    /** A console message, exception or log entry of the page. */
    record Message(String source, String level, String text) {
    }

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private String session;

    /** Returns the Chromium binary, or skips (fails in CI) the calling test when there is none. */
    static Path find() {
        String override = System.getenv("CHROMIUM_BIN");
        List<String> candidates = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            candidates.add(override);
        }
        candidates.addAll(CANDIDATES);
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String reason = "no Chromium found (looked for " + String.join(", ", candidates)
                + "); install it with 'apt-get install -y chromium' or set CHROMIUM_BIN";
        Prerequisites.missing(reason, "CI must run the browser test");
        return null;
    }

    /** Starts {@code binary} headless with a fresh profile under {@code work} and a page of the given size. */
    static HeadlessChromium start(Path binary, Path work, int width, int height) throws Exception {
        return new HeadlessChromium(binary, work, width, height);
    }

    private HeadlessChromium(Path binary, Path work, int width, int height) throws Exception {
        Files.createDirectories(work);
        profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--mute-audio", "--remote-allow-origins=*",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height, "about:blank");
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    stderr.add(line);
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("Chromium ended before it listened: " + stderr));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not start: " + stderr, e);
        }
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(ws), new Listener()).get(30, TimeUnit.SECONDS);
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asString();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId")
                .asString();
        call("Page.enable", Map.of());
        call("Page.bringToFront", Map.of());
        call("Runtime.enable", Map.of());
        call("Log.enable", Map.of());
        call("Network.enable", Map.of());
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** Opens {@code file} and waits for its load event and then until {@code readyExpression} is true (or the timeout). */
    void open(Path file, String readyExpression, Duration timeout) throws Exception {
        loaded = new CompletableFuture<>();
        messages.clear();
        requests.clear();
        call("Page.navigate", Map.of("url", file.toAbsolutePath().toUri().toString()));
        loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (evaluate(readyExpression).asBoolean(false)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Returns the value of {@code expression} in the page (made JSON-serialisable by the page). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed in the page: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Saves a PNG of the page from the top, {@code width} by {@code height} CSS pixels (beyond the viewport if needed). */
    void screenshot(Path png, int y, int width, int height) throws Exception {
        ObjectNode clip = JSON.createObjectNode();
        clip.put("x", 0);
        clip.put("y", y);
        clip.put("width", width);
        clip.put("height", height);
        clip.put("scale", 1);
        JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(r.get("data").asString()));
    }

    /** Returns the console messages, uncaught exceptions and log entries seen since the page was opened. */
    List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Returns the URL of every request the page made since it was opened, the page's own included. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private JsonNode call(String method, Map<String, ?> params) throws Exception {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, ?> params) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (this) {
            socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        }
        JsonNode r = reply.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    private void onMessage(String text) {
        JsonNode m = JSON.readTree(text);
        if (m.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(m.get("id").asLong());
            if (reply != null) {
                reply.complete(m);
            }
            return;
        }
        JsonNode p = m.path("params");
        switch (m.path("method").asString("")) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode a : p.path("args")) {
                    sb.append(sb.isEmpty() ? "" : " ").append(a.has("value") ? a.get("value").asString(a.get("value").toString())
                            : a.path("description").asString(a.path("type").asString("")));
                }
                messages.add(new Message("console", p.path("type").asString(""), sb.toString()));
            }
            case "Runtime.exceptionThrown" -> {
                JsonNode d = p.path("exceptionDetails");
                messages.add(new Message("exception", "error", d.path("text").asString("") + " "
                        + d.path("exception").path("description").asString("")));
            }
            case "Log.entryAdded" -> {
                JsonNode e = p.path("entry");
                messages.add(new Message("log:" + e.path("source").asString(""), e.path("level").asString(""),
                        e.path("text").asString("") + " " + e.path("url").asString("")));
            }
            case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asString(""));
            default -> {
                // other events are not needed
            }
        }
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                try {
                    call(null, "Browser.close", Map.of());
                } catch (Exception ignored) {
                    // the browser may close the socket before it answers
                }
                socket.abort();
            }
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // close() throws no InterruptedException (try-with-resources would hide it): keep the flag
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover profile in target/ does no harm
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                onMessage(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
