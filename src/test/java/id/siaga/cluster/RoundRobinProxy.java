package id.siaga.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reverse proxy of the test cluster, doing what the nginx configuration of
 * {@code docs/operations.md} does: requests go to the nodes in turn; a request a node does not
 * answer (connection refused: the node is down) goes to the next node if it is idempotent (GET),
 * as nginx's {@code proxy_next_upstream error timeout} does; a POST is not sent twice.
 */
final class RoundRobinProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
      "host", "content-length", "te", "trailer", "proxy-authorization", "proxy-authenticate", "expect");

  private final List<Node> nodes;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger next = new AtomicInteger();
  /** Requests answered, per node name. */
  final ConcurrentHashMap<String, AtomicLong> answeredBy = new ConcurrentHashMap<>();
  final AtomicLong retriedElsewhere = new AtomicLong();

  RoundRobinProxy(List<Node> nodes) throws IOException {
    this.nodes = nodes;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::forward);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      boolean idempotent = exchange.getRequestMethod().equals("GET");
      int first = Math.floorMod(next.getAndIncrement(), nodes.size());
      for (int i = 0; i < nodes.size(); i++) {
        Node node = nodes.get((first + i) % nodes.size());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port
                + exchange.getRequestURI())).timeout(Duration.ofSeconds(60))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase())) {
            values.forEach(value -> request.header(name, value));
          }
        });
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        HttpResponse<byte[]> response;
        try {
          response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException down) {
          if (idempotent && i + 1 < nodes.size()) {
            retriedElsewhere.incrementAndGet();
            continue;
          }
          exchange.sendResponseHeaders(502, -1);
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.sendResponseHeaders(502, -1);
          return;
        }
        answeredBy.computeIfAbsent(node.name, n -> new AtomicLong()).incrementAndGet();
        response.headers().map().forEach((name, values) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
            values.forEach(value -> exchange.getResponseHeaders().add(name, value));
          }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        }
        return;
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
