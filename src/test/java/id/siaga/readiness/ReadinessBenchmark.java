package id.siaga.readiness;

import static id.siaga.BenchmarkSupport.isPostgres;
import static id.siaga.BenchmarkSupport.settle;

import static id.siaga.BenchmarkSupport.createdJobs;
import static id.siaga.BenchmarkSupport.difference;
import static id.siaga.BenchmarkSupport.heapAfterGc;
import static id.siaga.BenchmarkSupport.seconds;

import id.siaga.BenchmarkSupport.HeapSampler;
import id.siaga.SiagaPilkadaApplication;
import id.siaga.calendar.Elections;
import id.siaga.calendar.Stage;
import id.siaga.region.NationalData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: the national readiness start (every race region walking a simulation
 * election: 545 {@code regional-readiness} instances, a timer per stage window) and the first
 * stage's work (every region's window timer fires, {@code stage-readiness} starts, asks the stage
 * table, and gives the coordinator the task to schedule the Rakor); then, in the same run and
 * engine, the bare engine doing the same: as many walk instances with the same timers (one per
 * window, at the same instants), whose first timers start a stage instance with a timer and a user
 * task with a deadline timer. Job executor off; jobs run one by one on one thread, as the tests run
 * them. Prints elapsed time, instances per second, tasks and timer jobs created, peak heap and the
 * ratios.
 * <pre>java -Dbenchmark.db=h2|postgres -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     id.siaga.readiness.ReadinessBenchmark</pre>
 */
public final class ReadinessBenchmark {

  static final LocalDate VOTING_DAY = LocalDate.of(2028, 11, 29);
  static final LocalDate WARM_UP_VOTING_DAY = LocalDate.of(2028, 11, 30);
  static final String BARE_WALK = "bare-walk";
  static final String BARE_STAGE = "bare-stage";

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    // -Dbenchmark.trace=true: every statement slower than -Dbenchmark.traceMs (default 2) ms goes to
    // PostgreSQL's log in -Dbenchmark.traceDir (default /tmp/siaga-pg-readiness-trace), with its plan
    // (auto_explain, actual rows and times)
    EmbeddedPostgres postgres = !"postgres".equals(db) ? null : Boolean.getBoolean("benchmark.trace")
        ? EmbeddedPostgres.builder().setServerConfig("logging_collector", "on")
            .setServerConfig("log_min_duration_statement", System.getProperty("benchmark.traceMs", "2"))
            .setServerConfig("shared_preload_libraries", "auto_explain")
            .setServerConfig("auto_explain.log_min_duration", System.getProperty("benchmark.traceMs", "2"))
            .setServerConfig("auto_explain.log_analyze", "on")
            .setServerConfig("log_directory", System.getProperty("benchmark.traceDir", "/tmp/siaga-pg-readiness-trace"))
            .start()
        : EmbeddedPostgres.builder().start();
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--siaga.demo.mail-server.port=0",
        "--logging.level.id.siaga=WARN", "--logging.level.org.camunda=WARN",
        "--camunda.bpm.job-execution.enabled=false"));
    if (postgres != null) {
      arguments.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
    } else {
      arguments.add("--spring.datasource.url=" + id.siaga.BenchmarkSupport.h2Memory("readinessbenchmark"));
    }
    arguments.addAll(List.of(args));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SiagaPilkadaApplication.class)
        .profiles("demo").run(arguments.toArray(String[]::new));
    HeapSampler sampler = new HeapSampler();
    try {
      if (app.getBean(NationalData.class).awaitSettled(Duration.ofMinutes(5)) != NationalData.State.READY) {
        throw new IllegalStateException("the national import did not finish");
      }
      Elections probe = app.getBean(Elections.class);
      NationalStart nationalStart = app.getBean(NationalStart.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      ManagementService management = app.getBean(ManagementService.class);
      RepositoryService repository = app.getBean(RepositoryService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      String warmUpElection = probe.createSimulation("pilkada-2024", WARM_UP_VOTING_DAY).id();
      String electionId = probe.createSimulation("pilkada-2024", VOTING_DAY).id();
      LocalDate firstStage = probe.calendarOf(electionId).stages().stream().map(Stage::start)
          .min(Comparator.naturalOrder()).orElseThrow();
      // the clock: a month before the simulation's first stage, so that every stage lies ahead
      ClockUtil.setCurrentTime(Date.from(firstStage.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC)));
      repository.createDeployment().name("benchmark").addModelInstance("bare-walk.bpmn", bareWalk())
          .addModelInstance("bare-stage.bpmn", bareStage()).deploy();

      // warm-up, not measured: the same work on another election (the national start, its first
      // stage, as many bare walks and stages), so that both sides are measured with the code the JIT
      // compiles for a running server. Measured first, the product would otherwise also pay the
      // compilation of the engine code both share (docs/performance.md, "A warm-up as long as the
      // measurement"). -Dbenchmark.warmUpScope=<province code> warms up on one province only.
      String warmUpScope = System.getProperty("benchmark.warmUpScope", "nasional");
      runNational(nationalStart, warmUpElection, "nasional".equals(warmUpScope) ? null : warmUpScope);
      Map<String, List<Instant>> warmWindows = windows(jdbc, warmUpElection);
      Instant warmFirst = firstWindowOfAll(warmWindows);
      Instant back = ClockUtil.getCurrentTime().toInstant();
      ClockUtil.setCurrentTime(Date.from(warmFirst.plusSeconds(1)));
      runJobs(management, List.of("regional-readiness", "stage-readiness"));
      ClockUtil.setCurrentTime(Date.from(back));
      startBare(runtime, warmWindows);
      ClockUtil.setCurrentTime(Date.from(warmFirst.plusSeconds(1)));
      runJobs(management, List.of(BARE_WALK, BARE_STAGE));
      ClockUtil.setCurrentTime(Date.from(back));

      // ---- the product: the national start, then the first stage's work
      Map<String, Long> jobs0 = allJobs(jdbc);
      long tasks0 = tasks(jdbc, "stage-readiness");
      long heapBefore = heapAfterGc();
      // rows of every table before and after each phase (H2 only, untimed): what each side writes
      boolean rows = Boolean.getBoolean("benchmark.rows") && postgres == null;
      List<Map<String, Long>> rowsAt = new java.util.ArrayList<>();
      if (rows) {
        rowsAt.add(id.siaga.BenchmarkSupport.rowCounts(jdbc));
      }
      settle(jdbc);
      sampler.start();
      long t0 = System.nanoTime();
      NationalStart.Progress done = runNational(nationalStart, electionId, null);
      double productStart = seconds(t0);
      long productStartPeak = sampler.stop();
      long productStartGc = sampler.gcMillis();
      if (rows) {
        rowsAt.add(id.siaga.BenchmarkSupport.rowCounts(jdbc));
      }
      Map<String, Long> jobsAfterStart = allJobs(jdbc);
      Map<String, List<Instant>> windows = windows(jdbc, electionId);
      Instant first = firstWindowOfAll(windows);
      Instant second = windows.values().stream().filter(w -> w.size() > 1).map(w -> w.get(1))
          .min(Comparator.naturalOrder()).orElseThrow();
      if (!first.isBefore(second)) {
        throw new IllegalStateException("the first stage windows overlap the second: " + first + " / " + second);
      }
      Instant startClock = ClockUtil.getCurrentTime().toInstant();
      ClockUtil.setCurrentTime(Date.from(first.plusSeconds(1)));
      settle(jdbc);
      // the statements of each first stage (H2 only, with -Dbenchmark.statements=true: counting costs time)
      boolean statements = Boolean.getBoolean("benchmark.statements") && postgres == null;
      if (statements) {
        id.siaga.BenchmarkSupport.countStatements(jdbc);
      }
      sampler.start();
      long t1 = System.nanoTime();
      int productJobsRun = runProductStage(management);
      double productStage = seconds(t1);
      long productStagePeak = sampler.stop();
      long productStageGc = sampler.gcMillis();
      Map<String, Long> productStatements = statements ? id.siaga.BenchmarkSupport.countedStatements(jdbc) : Map.of();
      if (rows) {
        rowsAt.add(id.siaga.BenchmarkSupport.rowCounts(jdbc));
      }
      long heapProduct = heapAfterGc();
      Map<String, Long> jobsAfterStage = allJobs(jdbc);
      long productTasks = tasks(jdbc, "stage-readiness") - tasks0;
      long stageInstances = runtime.createProcessInstanceQuery().processDefinitionKey("stage-readiness")
          .processInstanceBusinessKeyLike(electionId + ":%").count();

      // ---- the readiness board over the first stage's open tasks, against a bare count per candidate group
      String board = measureBoard(app, jdbc, electionId);

      // ---- the bare engine: the same walks with the same windows, the same first stage
      ClockUtil.setCurrentTime(Date.from(startClock));
      long bareTasks0 = tasks(jdbc, BARE_STAGE);
      if (rows) {
        rowsAt.add(id.siaga.BenchmarkSupport.rowCounts(jdbc));
      }
      settle(jdbc);
      sampler.start();
      long t2 = System.nanoTime();
      startBare(runtime, windows);
      double bareStart = seconds(t2);
      long bareStartPeak = sampler.stop();
      long bareStartGc = sampler.gcMillis();
      if (rows) {
        rowsAt.add(id.siaga.BenchmarkSupport.rowCounts(jdbc));
      }
      Map<String, Long> jobsAfterBareStart = allJobs(jdbc);
      ClockUtil.setCurrentTime(Date.from(first.plusSeconds(1)));
      settle(jdbc);
      if (statements) {
        id.siaga.BenchmarkSupport.countStatements(jdbc);
      }
      sampler.start();
      long t3 = System.nanoTime();
      int bareJobsRun = runBareStage(management);
      double bareStage = seconds(t3);
      long bareStagePeak = sampler.stop();
      long bareStageGc = sampler.gcMillis();
      if (statements) {
        id.siaga.BenchmarkSupport.printStatements("first stage, product, per region", productStatements, windows.size());
        id.siaga.BenchmarkSupport.printStatements("first stage, bare, per region", id.siaga.BenchmarkSupport.countedStatements(jdbc),
            windows.size());
      }
      if (rows) {
        rowsAt.add(id.siaga.BenchmarkSupport.rowCounts(jdbc));
      }
      long heapBare = heapAfterGc();
      Map<String, Long> jobsAfterBareStage = allJobs(jdbc);
      long bareTasks = tasks(jdbc, BARE_STAGE) - bareTasks0;

      int instances = done.started();
      if (rows) {
        String[] phases = {"national start, product", "first stage, product", "national start, bare", "first stage, bare"};
        int[][] spans = {{0, 1}, {1, 2}, {3, 4}, {4, 5}};
        for (int i = 0; i < phases.length; i++) {
          Map<String, Long> d = difference(rowsAt.get(spans[i][1]), rowsAt.get(spans[i][0]));
          d.values().removeIf(v -> v == 0);
          System.out.printf("  rows per region, %s: %s%n", phases[i], d.entrySet().stream()
              .map(e -> e.getKey() + " " + String.format("%.1f", e.getValue() / (double) instances))
              .collect(java.util.stream.Collectors.joining(", ")));
        }
      }
      System.out.printf("Readiness benchmark, national start and first stage (%s, 1 thread, job executor off, 2 cores)%n",
          postgres != null ? "embedded PostgreSQL " + jdbc.queryForObject("show server_version", String.class)
              : "H2 in memory");
      System.out.printf("  election %s, %d race regions (%s), %d started, %d skipped, %d failed; windows per region: %s%n",
          electionId, done.total(), done.scope(), done.started(), done.skipped(), done.failed(),
          windows.values().stream().collect(Collectors.groupingBy(List::size, TreeMap::new, Collectors.counting())));
      System.out.printf("  national start   product %6.1f s (%6.1f instances/s), timer jobs created %d;"
          + " bare %6.1f s (%6.1f instances/s), timer jobs created %d; ratio %.2f x%n", productStart,
          instances / productStart, timers(difference(jobsAfterStart, jobs0)), bareStart, instances / bareStart,
          timers(difference(jobsAfterBareStart, jobsAfterStage)), productStart / bareStart);
      System.out.printf("  first stage      product %6.1f s (%d jobs run, %d stage instances, %d user tasks created,"
          + " %d timer jobs created); bare %6.1f s (%d jobs run, %d user tasks, %d timer jobs); ratio %.2f x%n",
          productStage, productJobsRun, stageInstances, productTasks, timers(difference(jobsAfterStage, jobsAfterStart)),
          bareStage, bareJobsRun, bareTasks, timers(difference(jobsAfterBareStage, jobsAfterBareStart)),
          productStage / bareStage);
      System.out.printf("  both             product %6.1f s, bare %6.1f s, ratio %.2f x%n", productStart + productStage,
          bareStart + bareStage, (productStart + productStage) / (bareStart + bareStage));
      System.out.printf("  jobs created by type: product start %s, first stage %s; bare start %s, first stage %s%n",
          difference(jobsAfterStart, jobs0), difference(jobsAfterStage, jobsAfterStart),
          difference(jobsAfterBareStart, jobsAfterStage), difference(jobsAfterBareStage, jobsAfterBareStart));
      System.out.printf("  heap: peak used (sampled every 50 ms) product start %d MB, first stage %d MB; bare start %d MB,"
          + " first stage %d MB; after GC: before %d MB, after product %d MB, after bare %d MB%n",
          productStartPeak >> 20, productStagePeak >> 20, bareStartPeak >> 20, bareStagePeak >> 20, heapBefore >> 20,
          heapProduct >> 20, heapBare >> 20);
      System.out.printf("  garbage collection during each phase: product start %d ms, first stage %d ms; bare start %d ms,"
          + " first stage %d ms%n", productStartGc, productStageGc, bareStartGc, bareStageGc);
      System.out.print(board);
    } finally {
      sampler.stop();
      ClockUtil.reset();
      app.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  static final int BOARD_ROUNDS = 40;

  /**
   * The board's matrix of every race region, each way {@link #BOARD_ROUNDS} times after five
   * unmeasured, against the bare engine's count of open tasks per candidate group the same way:
   * over HTTP as the administrator (the board's API; Camunda's REST
   * {@code /engine-rest/task/report/candidate-group-count}, HTTP Basic both, JSON both), and in the
   * process ({@code ReadinessBoard.matrix}; {@code TaskService.createTaskReport().taskCountByCandidateGroup()});
   * and the count as one SQL query.
   */
  static String measureBoard(ConfigurableApplicationContext app, JdbcTemplate jdbc, String electionId) throws Exception {
    ReadinessBoard board = app.getBean(ReadinessBoard.class);
    org.camunda.bpm.engine.TaskService taskService = app.getBean(org.camunda.bpm.engine.TaskService.class);
    String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
        "admin:Rahasia#Demo2024".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> admin = List.of("camunda-admin");
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String sql = "select i.GROUP_ID_, count(*) from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_"
        + " and i.TYPE_ = 'candidate' group by i.GROUP_ID_";
    settle(jdbc);
    long[] bytes = new long[2];
    double[] api = timed(() -> bytes[0] = get(http, root + "/api/readiness/" + electionId + "/board", basic));
    double[] rest = timed(() -> bytes[1] = get(http, root + "/engine-rest/task/report/candidate-group-count", basic));
    int[] rows = new int[1];
    double[] service = timed(() -> rows[0] = board.matrix(electionId, admin, null, null, null, now).rows().size());
    int[] groups = new int[1];
    double[] report = timed(() -> groups[0] = taskService.createTaskReport().taskCountByCandidateGroup().size());
    double[] count = timed(() -> jdbc.queryForList(sql).size());
    long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
    return String.format("  board (%d open tasks, %d regions, %d candidate groups; %d rounds; median / p95):%n"
            + "    over HTTP   board API %7.2f / %7.2f ms (%d kB), engine REST count per group %7.2f / %7.2f ms (%d kB);"
            + " ratio %.2f / %.2f x%n"
            + "    in process  board     %7.2f / %7.2f ms, engine API count per group  %7.2f / %7.2f ms;"
            + " ratio %.2f / %.2f x%n"
            + "    SQL count per group %7.2f / %7.2f ms; board in process / SQL count %.2f / %.2f x%n",
        open, rows[0], groups[0], BOARD_ROUNDS, api[0], api[1], bytes[0] / 1024, rest[0], rest[1], bytes[1] / 1024,
        api[0] / rest[0], api[1] / rest[1], service[0], service[1], report[0], report[1], service[0] / report[0],
        service[1] / report[1], count[0], count[1], service[0] / count[0], service[1] / count[1]);
  }


  /** A GET as the API's clients send it (no compression); the body's length. */
  static long get(java.net.http.HttpClient http, String url, String basic) throws Exception {
    java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .header("Authorization", basic).header("Accept", "application/json").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body().length();
  }

  interface Work {
    void run() throws Exception;
  }

  /** Median and 95th percentile in milliseconds of {@link #BOARD_ROUNDS} runs after five unmeasured. */
  static double[] timed(Work work) throws Exception {
    for (int i = 0; i < 5; i++) {
      work.run();
    }
    double[] ms = new double[BOARD_ROUNDS];
    for (int i = 0; i < BOARD_ROUNDS; i++) {
      long t = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return new double[] {ms[BOARD_ROUNDS / 2], ms[(int) Math.ceil(BOARD_ROUNDS * 0.95) - 1]};
  }

  static NationalStart.Progress runNational(NationalStart nationalStart, String electionId, String province)
      throws InterruptedException {
    NationalStart.Progress progress = nationalStart.start(electionId, province, "benchmark");
    while ("RUNNING".equals(progress.status())) {
      Thread.sleep(20);
      progress = nationalStart.progress(progress.runId()).orElseThrow();
    }
    return progress;
  }

  /** Each walk's stage windows (its timer jobs' due dates), by region, earliest first. */
  static Map<String, List<Instant>> windows(JdbcTemplate jdbc, String electionId) {
    Map<String, List<Instant>> windows = new TreeMap<>();
    jdbc.query("select r.region_code, j.DUEDATE_ from ACT_RU_JOB j join siaga_regional_readiness r"
        + " on r.process_instance_id = j.PROCESS_INSTANCE_ID_ where r.election_id = ? and j.TYPE_ = 'timer'"
        + " order by j.DUEDATE_", rs -> {
          windows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
        }, electionId);
    return windows;
  }

  static Instant firstWindowOfAll(Map<String, List<Instant>> windows) {
    return windows.values().stream().map(w -> w.get(0)).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** Runs the executable jobs of these processes until none is left; returns how many ran. */
  /** The first stage's jobs of the product (a method of its own, for a profiler's stacks). */
  static int runProductStage(ManagementService management) {
    return runJobs(management, List.of("regional-readiness", "stage-readiness"));
  }

  /** The first stage's jobs of the bare engine (a method of its own, for a profiler's stacks). */
  static int runBareStage(ManagementService management) {
    return runJobs(management, List.of(BARE_WALK, BARE_STAGE));
  }

  static int runJobs(ManagementService management, List<String> processKeys) {
    int run = 0;
    while (true) {
      List<Job> due = new ArrayList<>();
      for (String key : processKeys) {
        due.addAll(management.createJobQuery().processDefinitionKey(key).executable().list());
      }
      if (due.isEmpty()) {
        return run;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        run++;
      }
    }
  }

  static void startBare(RuntimeService runtime, Map<String, List<Instant>> windows) {
    windows.forEach((region, instants) -> runtime.createProcessInstanceByKey(BARE_WALK)
        .businessKey("bare:" + region)
        .setVariable("regionCode", region)
        .setVariable("windows", instants.stream().map(Instant::toString)
            .collect(Collectors.joining(",")))
        .setVariable("windowCount", instants.size())
        .execute());
  }

  static long tasks(JdbcTemplate jdbc, String processKey) {
    return jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where PROC_DEF_KEY_ = ?", Long.class, processKey);
  }

  /** Jobs created so far by every process, by process and type. */
  static Map<String, Long> allJobs(JdbcTemplate jdbc) {
    Map<String, Long> all = new TreeMap<>();
    for (String key : List.of("regional-readiness", "stage-readiness", BARE_WALK, BARE_STAGE)) {
      createdJobs(jdbc, key).forEach((type, n) -> all.put(key + "/" + type, n));
    }
    return all;
  }

  static long timers(Map<String, Long> jobs) {
    return jobs.entrySet().stream().filter(e -> e.getKey().contains("timer")).mapToLong(Map.Entry::getValue).sum();
  }

  /** A walk: one timer per window (parallel), each starting a stage instance asynchronously. */
  static BpmnModelInstance bareWalk() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_WALK).camundaHistoryTimeToLive(1)
        .startEvent("WalkStartEvent")
        .subProcess("WindowsSubProcess")
        .embeddedSubProcess().startEvent("WindowStartEvent")
        .intermediateCatchEvent("WindowTimer").timerWithDate("${windows.split(',')[loopCounter]}")
        .callActivity("StageCallActivity").calledElement(BARE_STAGE).camundaAsyncBefore()
        .camundaIn("regionCode", "regionCode")
        .endEvent("WindowEndEvent").subProcessDone()
        .endEvent("WalkEndEvent").done();
    model.<org.camunda.bpm.model.bpmn.instance.SubProcess>getModelElementById("WindowsSubProcess").builder()
        .multiInstance().cardinality("${windowCount}").multiInstanceDone();
    return model;
  }

  /** A stage: a timer for the declaration and, in parallel, one user task with its deadline timer. */
  static BpmnModelInstance bareStage() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_STAGE).camundaHistoryTimeToLive(1)
        .startEvent("StageStartEvent")
        .parallelGateway("ForkGateway")
        .intermediateCatchEvent("DeclarationOpensTimer").timerWithDate("2099-01-01T00:00:00")
        .endEvent("DeclaredEndEvent")
        .moveToNode("ForkGateway")
        .userTask("ScheduleTask").camundaCandidateGroups("${'kesbangpol'.concat(regionCode.replace('.', ''))}")
        .boundaryEvent("ScheduleDeadlineTimer").cancelActivity(false).timerWithCycle("R/P1D")
        .endEvent("DeadlineEndEvent")
        .moveToActivity("ScheduleTask").endEvent("ScheduledEndEvent")
        .done();
    return model;
  }
}
