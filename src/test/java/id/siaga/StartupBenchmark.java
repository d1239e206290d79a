package id.siaga;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up of the packaged jar as a newcomer runs it: {@code java -jar} in an empty folder (first
 * start: empty ./data, national import, demo users), then again in the same folder (later start).
 * For each start it prints the seconds from launching the JVM until
 * <ul>
 *   <li>Tasklist answers 200 ({@code /camunda/app/tasklist/default/}),</li>
 *   <li>the country is loaded: {@code /api/regions/73.73} answers 200 to the demo officer
 *       {@code polrespalopo} (national import committed and demo users created),</li>
 * </ul>
 * and Spring's own "Started … in … seconds". JDK only, no Maven:
 *
 * <pre>
 * java src/test/java/id/siaga/StartupBenchmark.java target/siaga-pilkada-0.1.0-SNAPSHOT.jar 5
 * </pre>
 *
 * With {@code -Dbenchmark.reference=<jar>} each round also starts that jar the same two ways, in
 * alternating order with the product: the stock Camunda application of
 * {@code bench/bare-camunda-webapp} (Tasklist, Cockpit, REST, H2 file, nothing of the product), for
 * which only "Tasklist answers 200" is measured. The ratio of the medians is printed.
 */
public final class StartupBenchmark {

  private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(java.time.Duration.ofSeconds(2)).build();

  record Start(double tasklist, double loaded, double springStarted) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java StartupBenchmark.java <jar> [rounds] [extra application arguments…]");
      System.exit(64);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> extra = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();

    String referenceJar = System.getProperty("benchmark.reference");
    Path reference = referenceJar == null ? null : Path.of(referenceJar).toAbsolutePath();
    List<Start> first = new ArrayList<>();
    List<Start> later = new ArrayList<>();
    List<Start> referenceFirst = new ArrayList<>();
    List<Start> referenceLater = new ArrayList<>();
    System.out.printf("Start-up benchmark: %s, %d rounds, %d cores, java %s%n", jar.getFileName(), rounds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    for (int round = 1; round <= rounds; round++) {
      boolean referenceFirstThisRound = reference != null && round % 2 == 0;
      if (referenceFirstThisRound) {
        runReference(reference, round, referenceFirst, referenceLater);
      }
      Path dir = Files.createTempDirectory("siaga-startup-");
      try {
        Start a = start(jar, dir, extra, "first.log", true);
        Start b = start(jar, dir, extra, "later.log", true);
        first.add(a);
        later.add(b);
        System.out.printf(Locale.ROOT, "  round %d: first start %s | later start %s | load %s%n",
            round, format(a), format(b), loadAverage());
      } finally {
        deleteTree(dir);
      }
      if (reference != null && !referenceFirstThisRound) {
        runReference(reference, round, referenceFirst, referenceLater);
      }
    }
    System.out.println(summary("first start (empty ./data)", first));
    System.out.println(summary("later start", later));
    if (reference != null) {
      double refFirst = median(referenceFirst.stream().map(Start::tasklist).toList());
      double refLater = median(referenceLater.stream().map(Start::tasklist).toList());
      System.out.printf(Locale.ROOT, "reference %s: Tasklist 200, median first start %5.1f s, later start %5.1f s%n",
          reference.getFileName(), refFirst, refLater);
      System.out.printf(Locale.ROOT, "ratio product / reference (medians, Tasklist 200): first start %.2f x, later start %.2f x;"
              + " product's country loaded / reference's Tasklist: first %.2f x, later %.2f x%n",
          median(first.stream().map(Start::tasklist).toList()) / refFirst,
          median(later.stream().map(Start::tasklist).toList()) / refLater,
          median(first.stream().map(Start::loaded).toList()) / refFirst,
          median(later.stream().map(Start::loaded).toList()) / refLater);
    }
  }

  private static void runReference(Path reference, int round, List<Start> firsts, List<Start> laters)
      throws Exception {
    Path dir = Files.createTempDirectory("bare-startup-");
    try {
      Start a = start(reference, dir, List.of(), "first.log", false);
      Start b = start(reference, dir, List.of(), "later.log", false);
      firsts.add(a);
      laters.add(b);
      System.out.printf(Locale.ROOT, "  round %d: reference first start Tasklist %5.1f s (Spring %4.1f s) | later start Tasklist %5.1f s (Spring %4.1f s) | load %s%n",
          round, a.tasklist(), a.springStarted(), b.tasklist(), b.springStarted(), loadAverage());
    } finally {
      deleteTree(dir);
    }
  }

  private static Start start(Path jar, Path dir, List<String> extra, String logName, boolean product)
      throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "--server.port=" + port, "--siaga.demo.mail-server.port=0"));
    command.addAll(extra);
    Path log = dir.resolve(logName);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("SIAGA_"));
    long launched = System.nanoTime();
    Process process = builder.start();
    try {
      double tasklist = -1;
      double loaded = -1;
      long deadline = launched + TimeUnit.MINUTES.toNanos(5);
      while (loaded < 0) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the application stopped; see " + log + ":\n" + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not loaded after 5 minutes; see " + log);
        }
        if (tasklist < 0 && status(port, "/camunda/app/tasklist/default/", null) == 200) {
          tasklist = seconds(launched);
        }
        if (tasklist >= 0 && !product) {
          loaded = tasklist;
        } else if (tasklist >= 0 && status(port, "/api/regions/73.73", "polrespalopo:siaga2024") == 200) {
          loaded = seconds(launched);
        }
        Thread.sleep(50);
      }
      // Tomcat answers before Spring logs "Started …" (the runners come after the web server), so
      // on a later start the country can be loaded before that line is written.
      Matcher started = STARTED.matcher(Files.readString(log));
      for (int wait = 0; !started.find() && wait < 200 && process.isAlive(); wait++) {
        Thread.sleep(50);
        started = STARTED.matcher(Files.readString(log));
      }
      return new Start(tasklist, loaded, started.find(0) ? Double.parseDouble(started.group(1)) : -1);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static int status(int port, String path, String credentials) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(java.time.Duration.ofSeconds(10));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notListening) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String format(Start s) {
    return String.format(Locale.ROOT, "Tasklist %5.1f s, country loaded %5.1f s (Spring: started in %4.1f s)",
        s.tasklist(), s.loaded(), s.springStarted());
  }

  private static String summary(String label, List<Start> starts) {
    return String.format(Locale.ROOT, "%-27s Tasklist 200: median %5.1f s (min %4.1f, max %4.1f) | "
            + "country loaded: median %5.1f s (min %4.1f, max %4.1f)", label,
        median(starts.stream().map(Start::tasklist).toList()), min(starts, Start::tasklist), max(starts, Start::tasklist),
        median(starts.stream().map(Start::loaded).toList()), min(starts, Start::loaded), max(starts, Start::loaded));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double min(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
    return starts.stream().mapToDouble(f).min().orElse(-1);
  }

  private static double max(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
    return starts.stream().mapToDouble(f).max().orElse(-1);
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException notLinux) {
      return "n/a";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
