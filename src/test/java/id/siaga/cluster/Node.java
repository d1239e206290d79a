package id.siaga.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster under test: the packaged jar in a JVM of its own, with the production
 * profile, on the shared PostgreSQL server and SMTP server. {@link #kill()} is {@code kill -9}
 * (SIGKILL: no shutdown hook, no finished transaction); {@link #start()} again is a restart that
 * rejoins with the same name, port and log (appended).
 */
final class Node implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Kluster#Uji-2026";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  final int port;
  final Path log;
  private final Path jar;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private Process process;
  private int starts;

  Node(String name, Path jar, Path workDir, Map<String, String> environment, List<String> arguments) {
    this.name = name;
    this.jar = jar;
    this.port = freePort();
    this.log = workDir.resolve(name + ".log");
    this.environment = environment;
    this.arguments = arguments;
  }

  /** Starts the JVM and waits until its health says UP. */
  Node start() throws Exception {
    starts++;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx640m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(key -> key.startsWith("SIAGA_") || key.startsWith("SPRING_"));
    builder.environment().putAll(environment);
    Files.writeString(log, "\n===== start " + starts + " of " + name + " at " + Instant.now() + " =====\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = builder.start();
    awaitHealthy(Duration.ofMinutes(4));
    return this;
  }

  /** The process id: the node names itself {@code pid@host} in the outbox's claims. */
  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}: the JVM ends at once, in the middle of whatever it does. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived kill -9");
    }
  }

  void awaitHealthy(Duration patience) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " stopped:\n" + tail(200));
      }
      if (healthy()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " not healthy after " + patience + ":\n" + tail(200));
  }

  boolean healthy() {
    try {
      HttpResponse<String> health = send("GET", "/actuator/health", null, null);
      return health.statusCode() == 200 && health.body().contains("\"UP\"");
    } catch (IOException | InterruptedException notYet) {
      return false;
    }
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, ADMIN + ":" + ADMIN_PASSWORD, null);
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, ADMIN + ":" + ADMIN_PASSWORD, json);
  }

  HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
    return send("PUT", path, ADMIN + ":" + ADMIN_PASSWORD, json);
  }

  HttpResponse<String> send(String method, String path, String credentials, String json)
      throws IOException, InterruptedException {
    return HTTP.send(request(URI.create("http://127.0.0.1:" + port + path), method, credentials, json),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest request(URI uri, String method, String credentials, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    return request.build();
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
