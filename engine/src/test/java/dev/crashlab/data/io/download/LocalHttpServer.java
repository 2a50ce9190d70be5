package dev.crashlab.data.io.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1, on a free port, that answers as a test scripts it and
 * remembers what it was asked: the tests' stand-in for Binance, Yahoo and Stooq. Nothing here
 * ever reaches the internet.
 */
final class LocalHttpServer implements AutoCloseable {

    /**
     * One scripted answer.
     *
     * @param status  the HTTP status
     * @param headers extra response headers
     * @param body    the body
     */
    record Reply(int status, Map<String, String> headers, byte[] body) {

        static Reply ok(String body) {
            return new Reply(200, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body);
        }
    }

    /** A request as the server saw it. */
    record Request(URI uri, Map<String, String> query, String userAgent, Instant at) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Clock clock;

    private LocalHttpServer(Function<Request, Reply> handler, Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, handler));
        server.start();
    }

    /** Starts a server answering each request with {@code handler}; request times come from {@code clock}. */
    static LocalHttpServer start(Clock clock, Function<Request, Reply> handler) {
        return new LocalHttpServer(handler, clock);
    }

    /** Starts a server answering the n-th request with the n-th reply, and every later one with the last. */
    static LocalHttpServer sequence(Clock clock, Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        return start(clock, request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    /** Returns an address on 127.0.0.1 where nothing listens, so connections are refused. */
    static URI refusingAddress() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns this server's address, {@code http://127.0.0.1:PORT}. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns the requests received so far, in order. */
    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange, Function<Request, Reply> handler) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request request = new Request(uri, query(uri), exchange.getRequestHeaders().getFirst("User-Agent"),
                    clock.instant());
            synchronized (this) {
                requests.add(request);
            }
            Reply reply = handler.apply(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).forEach(kv -> params.put(
                    java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
