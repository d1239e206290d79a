package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.calendar.Elections;
import id.siaga.region.AreaFiles;
import id.siaga.region.NationalData;
import id.siaga.region.NationalImport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Backup and restore exactly as docs/operations.md says, on both databases: the application runs
 * and has open tasks, a backup is taken while it runs, the application goes on (one task is
 * worked after the backup), the backup is restored into a fresh folder or database, and the
 * application started on the restored copy shows the open tasks of the backup's moment (ids, names,
 * candidate groups, due dates, their deadline timers) to the engine and over the REST API, and
 * works on.
 *
 * <p>Each application runs in this JVM, one at a time (one Spring context start per copy); what the
 * doc does in a shell is done here with the same programs ({@code jar xf}, the scripts with
 * {@code pg_dump}, {@code createdb}, {@code pg_restore}, {@code psql}) or with Java's equivalent of
 * {@code cp -a}. PostgreSQL's part needs the PostgreSQL client programs on the PATH: without them
 * it is skipped with a message, and fails where they are required ({@code .ci/run} sets
 * {@code SIAGA_REQUIRE_PG_CLIENT=true}; so does any CI that sets {@code CI=true}).
 */
class BackupRestoreIT {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Rahasia#Demo2024";
  static final String OPERATOR_PASSWORD = "Cadangan#Pulih-2026";
  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final List<String> PG_CLIENT = List.of("pg_dump", "pg_restore", "psql", "createdb");

  @TempDir
  Path work;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  // ------------------------------------------------------------------------------------------ H2

  @Test
  void theDemoRestoredFromItsOnlineBackupOrAnOfflineCopyShowsTheSameOpenTasks() throws Exception {
    Path running = work.resolve("demo");
    Path backups = work.resolve("backups");
    Files.createDirectories(backups);
    OpenTasks atBackup;
    OpenTasks atStop;
    Path zip;
    try (ConfigurableApplicationContext app = startDemo(running)) {
      assertThat(app.getBean(NationalData.class).awaitSettled(Duration.ofMinutes(3)))
          .as("the demo's first start loads the country").isEqualTo(NationalData.State.READY);
      int port = port(app);
      fileAReport(port);
      // in the demo's simulation election (voting day 21 days after the first start)
      String meeting = scheduleRakor(app, "kesbangpolpalopo");
      atBackup = OpenTasks.of(app);
      assertThat(atBackup.tasks()).extracting(TaskRow::name).contains("Triase laporan kerawanan");
      assertThat(atBackup.tasks()).extracting(TaskRow::processInstanceId).contains(meeting);

      // docs/operations.md: curl -fsS -u admin:… -X POST -OJ http://127.0.0.1:8080/api/admin/backup
      HttpResponse<Path> backup = http.send(request(port, "/api/admin/backup", ADMIN + ":" + ADMIN_PASSWORD)
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofFile(backups.resolve("answer.zip")));
      assertThat(backup.statusCode()).isEqualTo(200);
      assertThat(backup.headers().firstValue("Content-Type")).hasValue("application/zip");
      Matcher name = Pattern.compile("attachment; filename=\"(siaga-h2-\\d{8}T\\d{6}Z\\.zip)\"")
          .matcher(backup.headers().firstValue("Content-Disposition").orElse(""));
      assertThat(name.matches()).as("the zip's name: " + backup.headers().map()).isTrue();
      zip = Files.move(backup.body(), backups.resolve(name.group(1)));
      assertThat(body(port, "GET", "/api/admin/audit?limit=5", ADMIN + ":" + ADMIN_PASSWORD))
          .as("the backup is in the operator audit").contains("DatabaseBackup(" + name.group(1)).contains("DILAKUKAN");
      assertThat(http.send(request(port, "/api/admin/backup", "polrespalopo:siaga2024")
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
          .as("an officer takes no copy of everyone's data").isEqualTo(403);

      // the application goes on after the backup: the police report their readiness
      reportPoliceReadiness(app, meeting);
      atStop = OpenTasks.of(app);
      assertThat(atStop.tasks()).hasSize(atBackup.tasks().size() - 1);
    }
    // stopped: the application let go of the database file (a copy of an open file is no backup)
    assertThat(unlocked(running.resolve("data/siaga.mv.db"))).isTrue();
    // docs/operations.md, offline copy: cp -a data backups/data-…
    Path offlineCopy = copyTree(running.resolve("data"), backups.resolve("data-offline"));

    // restore the online backup: mkdir data && cd data && jar xf ../siaga-h2-….zip
    Path restored = work.resolve("restored-online");
    Files.createDirectories(restored.resolve("data"));
    run(restored.resolve("data"), Map.of(), Path.of(System.getProperty("java.home"), "bin", "jar").toString(), "xf",
        zip.toString());
    try (Stream<Path> files = Files.list(restored.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("siaga.mv.db");
    }
    try (ConfigurableApplicationContext app = startDemo(restored)) {
      assertThat(app.getBean(NationalData.class).awaitSettled(Duration.ofSeconds(30))).isEqualTo(NationalData.State.READY);
      assertSameOpenTasks(app, atBackup, ADMIN + ":" + ADMIN_PASSWORD);
      // an officer sees their agency's tasks as before, and works on
      List<String> police = atBackup.tasks().stream().filter(t -> t.candidateGroups().contains("polri7373"))
          .map(TaskRow::id).toList();
      assertThat(police).isNotEmpty();
      assertThat(ids(body(port(app), "GET", "/engine-rest/task?sortBy=id&sortOrder=asc", "polrespalopo:siaga2024")))
          .containsExactlyElementsOf(police);
      reportPoliceReadiness(app, atBackup.tasks().stream().filter(t -> police.contains(t.id())).findFirst()
          .orElseThrow().processInstanceId());
      assertThat(OpenTasks.of(app).tasks()).hasSize(atBackup.tasks().size() - 1);
    }

    // restore the offline copy: the folder as it was when the application stopped
    Path fromCopy = work.resolve("restored-offline");
    copyTree(offlineCopy, fromCopy.resolve("data"));
    try (ConfigurableApplicationContext app = startDemo(fromCopy)) {
      assertSameOpenTasks(app, atStop, ADMIN + ":" + ADMIN_PASSWORD);
    }
  }

  // ---------------------------------------------------------------------------------- PostgreSQL

  @Test
  void productionRestoredFromPgDumpIntoAnEmptyDatabaseShowsTheSameOpenTasks() throws Exception {
    List<String> missing = PG_CLIENT.stream().filter(tool -> onPath(tool) == null).toList();
    if (!missing.isEmpty()) {
      String message = "PostgreSQL client programs not on the PATH: " + missing
          + " (Debian: apt-get install postgresql-client; docs/operations.md)";
      if ("true".equals(System.getenv("SIAGA_REQUIRE_PG_CLIENT")) || "true".equals(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message + ". Skipped; required where SIAGA_REQUIRE_PG_CLIENT=true or CI=true (.ci/run)");
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      int pgPort = postgres.getPort();
      // as in production: the application's own user, not a superuser, owns its database
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute("create role siaga login password 'siaga-db-password'");
        sql.execute("create database siaga owner siaga");
      }
      Map<String, String> pgEnv = Map.of("PGPASSWORD", "siaga-db-password");
      String source = "postgresql://siaga@127.0.0.1:" + pgPort + "/siaga";
      String target = "postgresql://siaga@127.0.0.1:" + pgPort + "/siaga_restore";
      Path backups = work.resolve("backups");

      OpenTasks atBackup;
      Path dump;
      try (ConfigurableApplicationContext app = startProduction(pgPort, "siaga")) {
        app.getBean(NationalImport.class).importFrom(AreaFiles.bundled(), "backup-test");
        app.getBean(Elections.class).createSimulation("pilkada-2024", LocalDate.now(WITA).plusDays(21));
        String meeting = scheduleRakor(app, "operator");
        app.getBean(ProcessEngine.class).getRuntimeService().startProcessInstanceByKey("agency-task-probe",
            Map.of("agencyGroup", "kpu7373", "regionCode", "73.73"));
        atBackup = OpenTasks.of(app);
        assertThat(atBackup.tasks()).hasSizeGreaterThanOrEqualTo(3);
        HttpResponse<String> refused = http.send(request(port(app), "/api/admin/backup", "operator:" + OPERATOR_PASSWORD)
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("pg_dump");

        // docs/operations.md: online, while the application runs
        String printed = run(Path.of("."), pgEnv, "bash", "scripts/backup-postgres.sh", source, backups.toString());
        String[] lines = printed.strip().split("\\R");
        dump = Path.of(lines[lines.length - 1]);
        assertThat(dump.getFileName().toString()).matches("siaga-\\d{8}T\\d{6}Z\\.dump");
        assertThat(dump).isRegularFile();
        if (!System.getProperty("os.name").startsWith("Windows")) {
          assertThat(Files.getPosixFilePermissions(dump)).as("readable by its owner only")
              .containsOnly(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                  java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
        reportPoliceReadiness(app, meeting);
        assertThat(OpenTasks.of(app).tasks()).hasSize(atBackup.tasks().size() - 1);
      }

      // docs/operations.md: an empty database owned by the application's user, then the restore script
      run(Path.of("."), Map.of(), "createdb", "-h", "127.0.0.1", "-p", Integer.toString(pgPort), "-U", "postgres",
          "-O", "siaga", "siaga_restore");
      String restoredReport = run(Path.of("."), pgEnv, "bash", "scripts/restore-postgres.sh", dump.toString(), target);
      assertThat(restoredReport).contains(", " + atBackup.tasks().size() + " open tasks,")
          .containsPattern("Flyway version \\d+,");
      ProcessResult again = runAllowingFailure(Path.of("."), pgEnv, "bash", "scripts/restore-postgres.sh",
          dump.toString(), target);
      assertThat(again.exitCode()).as("a database that is not empty is refused").isNotZero();
      assertThat(again.output()).contains("restore into an empty database");

      try (ConfigurableApplicationContext app = startProduction(pgPort, "siaga_restore")) {
        assertSameOpenTasks(app, atBackup, "operator:" + OPERATOR_PASSWORD);
        String meeting = atBackup.tasks().stream().filter(t -> t.candidateGroups().contains("polri7373"))
            .findFirst().orElseThrow().processInstanceId();
        reportPoliceReadiness(app, meeting);
        assertThat(OpenTasks.of(app).tasks()).hasSize(atBackup.tasks().size() - 1);
      }
    }
  }

  // ------------------------------------------------------------------------- the open tasks

  /** An open task as the restored copy must show it. */
  record TaskRow(String id, String name, String taskDefinitionKey, String processInstanceId, List<String> candidateGroups,
      Instant due, String assignee) {}

  /** A timer (the tasks' deadline timers among them): the restored copy fires it at the same instant. */
  record TimerRow(String id, String processInstanceId, Instant due) {}

  /** What the engine holds open, read through its own queries on its real tables. */
  record OpenTasks(List<TaskRow> tasks, List<TimerRow> timers, List<String> processInstances) {

    static OpenTasks of(ConfigurableApplicationContext app) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      TaskService taskService = engine.getTaskService();
      List<TaskRow> tasks = taskService.createTaskQuery().orderByTaskId().asc().list().stream()
          .map(task -> new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
              taskService.getIdentityLinksForTask(task.getId()).stream()
                  .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                  .map(link -> link.getGroupId()).sorted().toList(),
              instant(task.getDueDate()), task.getAssignee()))
          .toList();
      List<TimerRow> timers = engine.getManagementService().createJobQuery().timers().orderByJobId().asc().list()
          .stream().map(job -> new TimerRow(job.getId(), job.getProcessInstanceId(), instant(job.getDuedate()))).toList();
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery().orderByProcessInstanceId().asc()
          .list().stream().map(instance -> instance.getId()).toList();
      return new OpenTasks(tasks, timers, instances);
    }

    private static Instant instant(Date date) {
      return date == null ? null : date.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** docs/operations.md, "Check a restored copy": the engine's view and the REST API's, as the administrator. */
  private void assertSameOpenTasks(ConfigurableApplicationContext app, OpenTasks expected, String admin) throws Exception {
    assertThat(OpenTasks.of(app)).isEqualTo(expected);
    int port = port(app);
    assertThat(json.readTree(body(port, "GET", "/engine-rest/task/count", admin)).get("count").asInt())
        .isEqualTo(expected.tasks().size());
    assertThat(ids(body(port, "GET", "/engine-rest/task?sortBy=id&sortOrder=asc", admin)))
        .containsExactlyElementsOf(expected.tasks().stream().map(TaskRow::id).toList());
  }

  private List<String> ids(String tasks) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode task : json.readTree(tasks)) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }

  // ------------------------------------------------------------------------- opening tasks

  /** An early-warning report filed by Kodim Palopo over the product's API: a triage task for Kesbangpol. */
  private void fileAReport(int port) throws Exception {
    Map<String, Object> report = new HashMap<>();
    report.put("regionCode", "73.73");
    report.put("districtCode", "73.73.01");
    report.put("category", "BENTROKAN");
    report.put("severity", "SEDANG");
    report.put("observedAt", LocalDateTime.now(WITA).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
    report.put("description", "Dua kelompok pendukung saling ejek di depan kantor camat");
    HttpResponse<String> filed = http.send(request(port, "/api/reports", "kodimpalopo:siaga2024")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(report))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
  }

  /** A Rakor of Kota Palopo scheduled through its start form: a readiness report task per invited agency. */
  private static String scheduleRakor(ConfigurableApplicationContext app, String user) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    Map<String, Object> schedule = new HashMap<>(Map.of("regionCode", "73.73", "stageCode", "kampanye",
        "title", "Rakor kesiapan kampanye",
        "meetingAt", LocalDate.now(WITA).plusDays(7) + "T09:30", "venue", "Aula Kantor Wali Kota Palopo",
        "agenda", "Laporan kesiapan", "conveningAgency", "KESBANGPOL"));
    schedule.put("invitedAgencies", SpinValues.jsonValue("[\"POLRI\",\"KPU\",\"TNI\"]").create());
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("coordination-meeting").latestVersion().singleResult().getId(), schedule).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Polres Palopo submits its readiness report for the Rakor: one open task less. */
  private static void reportPoliceReadiness(ConfigurableApplicationContext app, String meeting) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    Task police = engine.getTaskService().createTaskQuery().processInstanceId(meeting).taskCandidateGroup("polri7373")
        .singleResult();
    engine.getFormService().submitTaskForm(police.getId(), Map.of("personnelCount", 40,
        "vulnerabilities", SpinValues.jsonValue("[\"HOAKS\"]").create(), "needsAndObstacles", "Kendaraan patroli",
        "readinessStatus", "SIAP", "attendeeName", "Kompol Andi Saputra", "attendeePosition", "Wakapolres",
        "vulnerablePoints", "Gudang logistik KPU"));
  }

  // ------------------------------------------------------------------------- starting the application

  /** The demo as {@code java -jar} starts it in {@code folder}: its database is {@code folder/data/siaga}. */
  private static ConfigurableApplicationContext startDemo(Path folder) {
    return new SpringApplicationBuilder(SiagaPilkadaApplication.class).profiles("demo").run(
        "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("data/siaga").toAbsolutePath() + ";QUERY_CACHE_SIZE=256",
        "--siaga.admin.user=" + ADMIN,
        "--siaga.admin.password=" + ADMIN_PASSWORD,
        "--siaga.demo.mail-server.port=0",
        "--server.port=0",
        "--server.address=127.0.0.1",
        // nothing moves on its own between the backup and the comparison
        "--camunda.bpm.job-execution.enabled=false");
  }

  /** The prod profile on the given database, as its own (not superuser) role. */
  private static ConfigurableApplicationContext startProduction(int pgPort, String database) {
    return new SpringApplicationBuilder(SiagaPilkadaApplication.class).profiles("prod").run(
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database,
        "--spring.datasource.username=siaga",
        "--spring.datasource.password=siaga-db-password",
        "--siaga.admin.user=operator",
        "--siaga.admin.password=" + OPERATOR_PASSWORD,
        "--spring.mail.host=127.0.0.1",
        "--siaga.base-url=https://siaga.example.org",
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.session-cookie.enable-secure-cookie=false");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  // ------------------------------------------------------------------------- files and programs

  /** Whether nobody holds the database file's lock (H2 locks it while the database is open). */
  private static boolean unlocked(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
      return false;
    }
  }

  /** {@code cp -a from to}. */
  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  record ProcessResult(int exitCode, String output) {}

  /** Runs a program to its end and answers its output; fails with the output when it fails. */
  private static String run(Path directory, Map<String, String> environment, String... command) throws Exception {
    ProcessResult result = runAllowingFailure(directory, environment, command);
    if (result.exitCode() != 0) {
      fail(String.join(" ", command) + " ended with " + result.exitCode() + ":\n" + result.output());
    }
    return result.output();
  }

  private static ProcessResult runAllowingFailure(Path directory, Map<String, String> environment, String... command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not end in 2 minutes");
    }
    return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static Path onPath(String program) {
    return Arrays.stream(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, program)).filter(Files::isExecutable)
        .findFirst().orElse(null);
  }

  // ------------------------------------------------------------------------- HTTP

  private String body(int port, String method, String path, String credentials) throws Exception {
    HttpResponse<String> response = http.send(request(port, path, credentials)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static HttpRequest.Builder request(int port, String path, String credentials) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }
}
