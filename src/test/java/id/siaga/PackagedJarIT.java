package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a newcomer runs it, in an empty folder: the demo profile starts on an H2
 * file, deploys the bpmn/ folder from inside the jar, and a restart keeps the data and deploys
 * nothing new.
 */
class PackagedJarIT {

  @TempDir
  Path workDir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theJarStartsTheDemoAndKeepsItsDataAcrossARestart() throws Exception {
    Path jar = Path.of(System.getProperty("siaga.jar"));
    assertThat(jar).exists();
    int port = freePort();

    String firstLog = runOnce(jar, port, "first.log", () -> {
      assertThat(status(port, "/camunda/app/tasklist/default/", null)).isEqualTo(200);
      assertThat(body(port, "/engine-rest/deployment", "admin:Rahasia#Demo2024"))
          .contains("\"name\":\"siaga-pilkada\"");
      assertThat(body(port, "/engine-rest/decision-definition?key=stage-workstreams", "admin:Rahasia#Demo2024"))
          .contains("\"resource\":\"dmn/stage-workstreams.dmn\"").contains("\"version\":1");
      assertThat(status(port, "/api/regions/73.73", "polrespalopo:siaga2024")).isEqualTo(200);
      assertThat(status(port, "/engine-rest/task", null)).isEqualTo(401);
      // Tasklist in Bahasa Indonesia: our config.js (at the jar's root META-INF/) shadows the webjar's
      assertThat(body(port, "/camunda/app/tasklist/scripts/config.js", null))
          .contains("availableLocales: ['id']").contains("fallbackLocale: 'id'");
      assertThat(body(port, "/camunda/app/tasklist/locales/id.json", null)).contains("\"START_PROCESS\": \"Mulai proses\"");
    });
    assertThat(firstLog).contains("First start: importing the national regions")
        .contains("polrespalopo").contains("siaga2024").contains("Created simulation election");
    assertThat(workDir.resolve("data/siaga.mv.db")).exists();

    String secondLog = runOnce(jar, port, "second.log", () -> {
      String deployments = body(port, "/engine-rest/deployment", "admin:Rahasia#Demo2024");
      assertThat(deployments.split("\"name\":\"siaga-pilkada\"")).as("one deployment only").hasSize(2);
      assertThat(body(port, "/engine-rest/decision-definition?key=stage-workstreams", "admin:Rahasia#Demo2024"))
          .contains("\"version\":1").doesNotContain("\"version\":2");
      assertThat(status(port, "/api/regions/73.73", "polrespalopo:siaga2024")).isEqualTo(200);
    });
    assertThat(secondLog).doesNotContain("First start").doesNotContain("Created simulation election")
        .doesNotContain("Created Tasklist filter");
  }

  interface Checks {
    void run() throws Exception;
  }

  private String runOnce(Path jar, int port, String logName, Checks checks) throws Exception {
    Path log = workDir.resolve(logName);
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--server.port=" + port))
        .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    // the documented demo defaults, whatever the machine's environment says
    builder.environment().keySet().removeIf(name -> name.startsWith("SIAGA_"));
    Process process = builder.start();
    try {
      waitUntilUp(port, process, log);
      checks.run();
    } finally {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    return Files.readString(log);
  }

  private void waitUntilUp(int port, Process process, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped:\n" + Files.readString(log));
      }
      try {
        if (status(port, "/actuator/health", null) == 200 && Files.readString(log).contains("Demo users")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application did not start in 3 minutes:\n" + Files.readString(log));
  }

  private int status(int port, String path, String credentials) throws Exception {
    return http.send(request(port, path, credentials), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String body(int port, String path, String credentials) throws Exception {
    return http.send(request(port, path, credentials), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static HttpRequest request(int port, String path, String credentials) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    return request.build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
