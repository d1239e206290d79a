package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a newcomer runs it, in an empty folder, on a machine with a JDK and nothing
 * else (no node or npm on the PATH): the demo profile starts on an H2 file, deploys the bpmn/ folder
 * from inside the jar, loads the country in the background while the API says so, and a restart
 * keeps the data and deploys nothing new.
 */
class PackagedJarIT {

  @TempDir
  Path workDir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theJarStartsTheDemoAndKeepsItsDataAcrossARestart() throws Exception {
    Path jar = Path.of(System.getProperty("siaga.jar"));
    assertThat(jar).exists();
    List<HttpResponse<String>> whileLoading = new ArrayList<>();
    String firstLog = runOnce(jar, "first.log", whileLoading, port -> {
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
        .contains("polrespalopo").contains("siaga2024").contains("Created simulation election")
        .doesNotContain("npm");
    // until the country was loaded, the officer was told so: never an empty country or a refused login
    assertThat(whileLoading).as("answers to /api/regions/73.73 before the country was loaded").isNotEmpty()
        .allSatisfy(response -> {
          assertThat(response.statusCode()).isEqualTo(503);
          assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
          assertThat(response.body()).contains("Sedang memuat data wilayah");
        });
    assertThat(workDir.resolve("data/siaga.mv.db")).exists();

    List<HttpResponse<String>> secondLoading = new ArrayList<>();
    String secondLog = runOnce(jar, "second.log", secondLoading, port -> {
      String deployments = body(port, "/engine-rest/deployment", "admin:Rahasia#Demo2024");
      assertThat(deployments.split("\"name\":\"siaga-pilkada\"")).as("one deployment only").hasSize(2);
      assertThat(body(port, "/engine-rest/decision-definition?key=stage-workstreams", "admin:Rahasia#Demo2024"))
          .contains("\"version\":1").doesNotContain("\"version\":2");
      assertThat(status(port, "/api/regions/73.73", "polrespalopo:siaga2024")).isEqualTo(200);
    });
    assertThat(secondLog).doesNotContain("First start").doesNotContain("Created simulation election")
        .doesNotContain("Created Tasklist filter");
    assertThat(secondLoading).as("a later start has the country at once").isEmpty();
  }

  interface Checks {
    void run(int port) throws Exception;
  }

  /**
   * Runs the jar on a port of its own choosing (read from its log): a port chosen here beforehand
   * could be taken before the jar binds it, by the jar's own demo mailbox (port 0) or by this test's
   * own polling connecting to itself, and then the jar fails to start (seen once in CI).
   */
  private String runOnce(Path jar, String logName, List<HttpResponse<String>> whileLoading,
      Checks checks) throws Exception {
    Path log = workDir.resolve(logName);
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--server.port=0",
        // the demo's SMTP port (3025) may be taken by another build on this machine
        "--siaga.demo.mail-server.port=0"))
        .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    // the documented demo defaults, whatever the machine's environment says
    builder.environment().keySet().removeIf(name -> name.startsWith("SIAGA_"));
    // a machine with a JDK alone: no node, no npm
    builder.environment().put("PATH", pathWithout("node", "npm"));
    Process process = builder.start();
    try {
      int port = portOf(process, log);
      waitUntilLoaded(port, process, log, whileLoading);
      checks.run(port);
    } finally {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    return Files.readString(log);
  }

  /**
   * Waits until Tasklist answers and the demo officer reads a region; collects every other answer
   * the region API gave in between.
   */
  private void waitUntilLoaded(int port, Process process, Path log, List<HttpResponse<String>> whileLoading)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    boolean tasklist = false;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped:\n" + Files.readString(log));
      }
      try {
        tasklist = tasklist || status(port, "/camunda/app/tasklist/default/", null) == 200;
        if (tasklist) {
          HttpResponse<String> region = http.send(request(port, "/api/regions/73.73", "polrespalopo:siaga2024"),
              HttpResponse.BodyHandlers.ofString());
          if (region.statusCode() == 200 && Files.readString(log).contains("Demo users")) {
            return;
          }
          if (region.statusCode() != 200) {
            whileLoading.add(region);
          }
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the application did not load in 3 minutes:\n" + Files.readString(log));
  }

  /** The port the jar's web server listens on, from its log line "Tomcat started on port N". */
  private static int portOf(Process process, Path log) throws Exception {
    java.util.regex.Pattern started = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      java.util.regex.Matcher port = started.matcher(Files.readString(log));
      if (port.find()) {
        return Integer.parseInt(port.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the web server did not start in 3 minutes:\n" + Files.readString(log));
  }

  /** This JVM's PATH without the folders that hold any of these programs. */
  private static String pathWithout(String... programs) {
    String path = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .filter(dir -> Arrays.stream(programs).noneMatch(program -> Stream.of("", ".exe", ".cmd")
            .anyMatch(suffix -> Files.isExecutable(Path.of(dir, program + suffix)))))
        .collect(Collectors.joining(File.pathSeparator));
    for (String program : programs) {
      assertThat(Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
          .map(dir -> Path.of(dir, program))).as(program + " on the stripped PATH").noneMatch(Files::exists);
    }
    return path;
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
}
