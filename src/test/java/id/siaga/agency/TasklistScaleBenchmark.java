package id.siaga.agency;

import id.siaga.SiagaPilkadaApplication;
import id.siaga.region.NationalData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist at national scale (issue 16, part 1): open tasks spread over every agency group, and
 * officers asking what Tasklist asks when they open it, with authorization on: Tasklist's own
 * request (one {@code POST filter/{id}/list} on the webapp's REST API, HAL, in the session of the
 * officer's Tasklist login: the count of the filter "Tugas instansi saya", its first page of 15
 * tasks, newest first, and the three variables the filter shows), and the same through
 * {@code /engine-rest} with HTTP Basic as a script would (count, then page). Measured one officer at
 * a time and with 50 officers at once; then the same calls with the engine's authorization checks
 * switched off (the bare engine's cost of the same work, in the same run, on the same rows), and the
 * same query through the Java API in the process. Prints p50, p95 and p99 of each.
 * {@code -Dbenchmark.trace=true} (PostgreSQL) writes every statement of two calls with its duration
 * to PostgreSQL's log in {@code /tmp/siaga-pg-trace}; {@code -Dbenchmark.oldRounds=N} also measures
 * the per-coordinator grants removed in issue 16; {@code -Dbenchmark.concurrentRounds=0} skips the
 * concurrent part.
 *
 * <p>The tasks come from a probe process started through the engine (each instance a parallel
 * multi-instance user task over 50 groups, with the variables the filter shows), so every task has
 * its candidate-group link and the default authorization the engine writes for it, as the
 * product's tasks do.
 * <pre>java -Xmx4g -Dbenchmark.db=h2|postgres -Dbenchmark.tasks=100000 \
 *     -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) id.siaga.agency.TasklistScaleBenchmark</pre>
 */
public final class TasklistScaleBenchmark {

  static final int TASKS_PER_INSTANCE = 50;
  static final int OFFICERS = 50;
  static final int ROUNDS = Integer.getInteger("benchmark.rounds", 200);
  static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 20);
  static final int OLD_ROUNDS = Integer.getInteger("benchmark.oldRounds", 20);
  /** Calls of the product alone, one after the other (for a profile of them: many). */
  static final int ALONE_ROUNDS = Integer.getInteger("benchmark.aloneRounds", ROUNDS);
  /** Rounds of the pair "the product's list / Camunda's filter query" (2.5 s a call on H2 at 100,000 tasks). */
  static final int CAMUNDA_ROUNDS = Integer.getInteger("benchmark.camundaRounds", 20);
  static final int CONCURRENT_ROUNDS = Integer.getInteger("benchmark.concurrentRounds", 10);
  /** -Dbenchmark.tickEach=true: the write before each officer's call, as before 2026-11-25 (for comparison). */
  static final boolean TICK_EACH = Boolean.getBoolean("benchmark.tickEach");
  static final String PASSWORD = "Uji#Skala2026";
  static final String BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  /** The body Tasklist sends for its task list (cam-tasklist-view-ctrl.js: newest first, active only). */
  static final String TASKLIST_BODY = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    int wanted = Integer.getInteger("benchmark.tasks", 100_000);
    EmbeddedPostgres postgres = !"postgres".equals(db) ? null : Boolean.getBoolean("benchmark.trace")
        ? EmbeddedPostgres.builder().setServerConfig("logging_collector", "on")
            .setServerConfig("shared_preload_libraries", "auto_explain")
            .setServerConfig("auto_explain.log_analyze", "on")
            .setServerConfig("log_directory", System.getProperty("benchmark.traceDir", "/tmp/siaga-pg-trace")).start()
        : Boolean.getBoolean("benchmark.pgStatements")
        // for the investigation: the statements of the concurrent rounds, with their planning and
        // execution times (pg_stat_statements, printed after the rounds)
        ? EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.track_planning", "on").start()
        : EmbeddedPostgres.builder().start();
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--siaga.demo.mail-server.port=0",
        "--logging.level.id.siaga=WARN", "--logging.level.org.camunda=WARN",
        "--camunda.bpm.job-execution.enabled=false",
        "--server.tomcat.threads.max=" + Integer.getInteger("benchmark.tomcatThreads", 64)));
    if (postgres != null) {
      arguments.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
    } else {
      arguments.add("--spring.datasource.url=" + id.siaga.BenchmarkSupport.h2Memory("tasklistbenchmark"));
    }
    arguments.addAll(List.of(args));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SiagaPilkadaApplication.class)
        .profiles("demo").run(arguments.toArray(String[]::new));
    try {
      if (app.getBean(NationalData.class).awaitSettled(Duration.ofMinutes(5)) != NationalData.State.READY) {
        throw new IllegalStateException("the national import did not finish");
      }
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService taskService = app.getBean(TaskService.class);
      IdentityService identity = app.getBean(IdentityService.class);
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) app.getBean(
          ProcessEngineConfiguration.class);
      List<String> groups = jdbc.queryForList("select group_id from siaga_agency order by group_id", String.class);

      // ---- the tasks: 2,000 instances of 50 tasks each for 100,000, the groups in turn
      app.getBean(RepositoryService.class).createDeployment().name("tasklist-benchmark")
          .addModelInstance("tasklist-probe.bpmn", probe()).deploy();
      long t0 = System.nanoTime();
      int instances = wanted / TASKS_PER_INSTANCE;
      int next = 0;
      for (int i = 0; i < instances; i++) {
        List<String> mine = new ArrayList<>(TASKS_PER_INSTANCE);
        for (int k = 0; k < TASKS_PER_INSTANCE; k++) {
          mine.add(groups.get(next++ % groups.size()));
        }
        runtime.startProcessInstanceByKey("tasklist-probe", Map.of("groups", mine, "regionName", "Wilayah " + i,
            "stageName", "Kampanye", "title", "Tugas uji skala " + i));
      }
      double created = (System.nanoTime() - t0) / 1e9;
      long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
      long links = jdbc.queryForObject("select count(*) from ACT_RU_IDENTITYLINK", Long.class);
      long grants = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Long.class);
      if (postgres != null) {
        // what autovacuum would do after the bulk inserts, done now rather than during the measurement
        // (it kept a core busy into the first measured phase, which made that phase 2x slower in some runs)
        jdbc.execute("vacuum analyze");
      }

      // ---- the officers: one user in each of 50 groups, chosen at random (seeded)
      List<String> sample = new ArrayList<>(groups);
      Collections.shuffle(sample, new Random(16));
      List<String> officers = new ArrayList<>();
      for (String group : sample.subList(0, OFFICERS)) {
        String userId = "bench" + group;
        User user = identity.newUser(userId);
        user.setFirstName("Petugas");
        user.setLastName(group);
        user.setEmail(userId + "@siaga.demo");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, group);
        officers.add(userId);
      }
      String filterId = app.getBean(FilterService.class).createFilterQuery().filterName(TasklistFilters.AGENCY_TASKS)
          .singleResult().getId();
      String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest/filter/"
          + filterId;
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      // H2 answers a repeated query from its last result while no table changed; a live system writes all
      // the time (tasks created and completed, jobs), so each call here comes after a write, untimed
      jdbc.execute("create table siaga_benchmark_tick (n integer)");
      jdbc.update("insert into siaga_benchmark_tick values (0)");
      Runnable tick = () -> jdbc.update("update siaga_benchmark_tick set n = n + 1");
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      // what Tasklist itself sends: one POST filter/{id}/list (HAL: the count, the page and the filter's
      // variables) on the webapp's REST API, with the session of the officer's login and its CSRF token
      Map<String, id.siaga.TasklistSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
      for (String officer : officers) {
        sessions.put(officer, id.siaga.TasklistSession.login(base, officer, PASSWORD));
      }
      String tasklistList = base + "/camunda/api/engine/engine/default/filter/" + filterId
          + "/list?firstResult=0&maxResults=15";
      Officer tasklist = userId -> {
        String page = sessions.get(userId).post(tasklistList, TASKLIST_BODY);
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"count\":(\\d+)").matcher(page);
        if (!count.find()) {
          throw new IllegalStateException(userId + ": no count in " + page.substring(0, Math.min(200, page.length())));
        }
        int n = Integer.parseInt(count.group(1));
        if (n > 0 && !page.contains("\"regionName\"")) {
          throw new IllegalStateException(userId + " sees " + n + " tasks: " + page.substring(0, 200));
        }
        return n;
      };
      Officer call = userId -> {
        int count = Integer.parseInt(post(http, root + "/count", userId, "application/json")
            .replaceAll("[^0-9]", ""));
        String page = post(http, root + "/list?firstResult=0&maxResults=15", userId, "application/hal+json");
        if (count > 0 && !page.contains("\"regionName\"")) {
          throw new IllegalStateException(userId + " sees " + count + " tasks: " + page.substring(0, 200));
        }
        return count;
      };

      // for the investigation: the plan of a query (a file, with :user and :group for the first officer's)
      String explain = System.getProperty("benchmark.explain");
      if (explain != null) {
        String group = sample.get(0);
        for (String sql : java.nio.file.Files.readString(java.nio.file.Path.of(explain)).split(";\\s*\n")) {
          if (sql.isBlank()) {
            continue;
          }
          String bound = sql.replace(":user", "'bench" + group + "'").replace(":group", "'" + group + "'");
          long t = System.nanoTime();
          List<Map<String, Object>> rows = bound.strip().toLowerCase().matches("(?s)(delete|create|update|insert).*")
              ? List.of(Map.of("changed", jdbc.update(bound))) : jdbc.queryForList(bound);
          System.out.printf("-- %.1f ms%n%s%n", (System.nanoTime() - t) / 1e6, rows.stream()
              .map(r -> r.values().toString()).collect(java.util.stream.Collectors.joining("\n")));
        }
      }
      System.out.printf("Tasklist at scale (%s, 2 cores): %d open tasks, %d candidate-group links, %d authorization rows,"
              + " %d agency groups, created in %.0f s; %d officers, each in one group (about %d tasks each)%n",
          postgres != null ? "embedded PostgreSQL " + jdbc.queryForObject("show server_version", String.class)
              : "H2 in memory", open, links, grants, groups.size(), created, OFFICERS, open / groups.size());
      // warm-up (not measured)
      for (int i = 0; i < WARM_UP; i++) {
        tick.run();
        tasklist.open(officers.get(i % OFFICERS));
        call.open(officers.get(i % OFFICERS));
      }
      if (OLD_ROUNDS > 0) {
        // as before this issue: each coordinator group with its own READ on every process definition
        org.camunda.bpm.engine.AuthorizationService authorizations = app.getBean(
            org.camunda.bpm.engine.AuthorizationService.class);
        List<String> oldGrants = new ArrayList<>();
        for (String group : groups.stream().filter(g -> g.startsWith("kesbangpol")).toList()) {
          org.camunda.bpm.engine.authorization.Authorization grant = authorizations.createNewAuthorization(
              org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
          grant.setGroupId(group);
          grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
          grant.setResourceId("*");
          grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ);
          oldGrants.add(authorizations.saveAuthorization(grant).getId());
        }
        print("  before this issue (per-coordinator grants), Tasklist's call",
            sequential(tasklist, officers, tick, OLD_ROUNDS), OLD_ROUNDS);
        oldGrants.forEach(authorizations::deleteAuthorization);
      }
      if (postgres != null && Boolean.getBoolean("benchmark.trace")) {
        // for the investigation: every statement of two Tasklist calls with its duration and its plan
        // (auto_explain, with the rows and times of each step), in PostgreSQL's log
        jdbc.execute("alter system set log_min_duration_statement = 0");
        jdbc.execute("alter system set auto_explain.log_min_duration = 0");
        jdbc.execute("select pg_reload_conf()");
        Thread.sleep(500);
        for (boolean authorization : new boolean[] {true, false}) {
          configuration.setAuthorizationEnabled(authorization);
          for (int i = 0; i < 2; i++) {
            System.out.println("=== TRACE authorization " + authorization + " call " + i);
            tick.run();
            tasklist.open(officers.get(0));
          }
        }
        configuration.setAuthorizationEnabled(true);
        jdbc.execute("alter system reset log_min_duration_statement");
        jdbc.execute("alter system reset auto_explain.log_min_duration");
        jdbc.execute("select pg_reload_conf()");
        Thread.sleep(500);
        System.out.println("=== TRACE end");
      }
      System.out.println("  one officer opening Tasklist, ms (p50 / p95 / p99):");
      // product and bare call by call in turn (authorization switched for each bare call), so that
      // whatever else the machine does weighs on both alike
      configuration.setAuthorizationEnabled(false);
      try {
        for (int i = 0; i < WARM_UP; i++) {
          tick.run();
          tasklist.open(officers.get(i % OFFICERS));
          call.open(officers.get(i % OFFICERS));
        }
      } finally {
        configuration.setAuthorizationEnabled(true);
      }
      java.util.function.Consumer<Boolean> authorizationOn = configuration::setAuthorizationEnabled;
      long answeredBefore = id.siaga.system.CandidateTaskList.ANSWERED.get();
      double[][] tasklistPair = paired(tasklist, officers, tick, authorizationOn, ROUNDS);
      long answeredTasklist = id.siaga.system.CandidateTaskList.ANSWERED.get() - answeredBefore;
      double[][] basicPair = paired(call, officers, tick, authorizationOn, ROUNDS);
      double[] product = tasklistPair[0];
      double[] bare = tasklistPair[1];
      double[] basic = basicPair[0];
      double[] bareBasic = basicPair[1];
      print("    Tasklist's call (session; count + page of 15 + variables), authorization on ", product, ROUNDS);
      print("    REST client (/engine-rest, Basic; count, then page), authorization on     ", basic, ROUNDS);
      print("    bare engine, authorization off: Tasklist's call                              ", bare, ROUNDS);
      print("    bare engine, authorization off: REST client                                  ", bareBasic, ROUNDS);
      // the product alone, call after call (no bare call between them whose garbage the product's calls collect)
      java.time.Instant aloneFrom = java.time.Instant.now();
      double[] alone = sequential(tasklist, officers, tick, ALONE_ROUNDS);
      print("    Tasklist's call, the product alone, one call after the other                 ", alone, ALONE_ROUNDS);
      if (Boolean.getBoolean("benchmark.trace") || Integer.getInteger("benchmark.aloneRounds") != null) {
        System.out.println("    (the product alone ran from " + aloneFrom + " to " + java.time.Instant.now() + ")");
      }
      System.out.printf("    (the product's candidate-group list answered %d of the %d product calls of Tasklist;"
          + " with authorization off Camunda answers)%n", answeredTasklist, ROUNDS);
      // the product with its own list against the product with Camunda's filter query (authorization on), in turn
      double[][] camundaPair = paired(tasklist, officers, tick, productList -> {
        if (productList) {
          System.clearProperty(id.siaga.system.CandidateTaskList.CAMUNDA_PATH_PROPERTY);
        } else {
          System.setProperty(id.siaga.system.CandidateTaskList.CAMUNDA_PATH_PROPERTY, "true");
        }
      }, CAMUNDA_ROUNDS);
      System.clearProperty(id.siaga.system.CandidateTaskList.CAMUNDA_PATH_PROPERTY);
      print("    Tasklist's call, the product's candidate-group list                          ", camundaPair[0],
          CAMUNDA_ROUNDS);
      print("    Tasklist's call, Camunda's filter query, authorization on                    ", camundaPair[1],
          CAMUNDA_ROUNDS);
      if (Boolean.getBoolean("benchmark.mapper")) {
        // Camunda's new JSON mapper per request against the product's one (EngineRestJson), in turn
        double[][] mapperPair = paired(tasklist, officers, tick, camundas -> {
          if (camundas) {
            System.setProperty(id.siaga.system.EngineRestJson.SharedMapper.PER_REQUEST_PROPERTY, "true");
          } else {
            System.clearProperty(id.siaga.system.EngineRestJson.SharedMapper.PER_REQUEST_PROPERTY);
          }
        }, ROUNDS);
        System.clearProperty(id.siaga.system.EngineRestJson.SharedMapper.PER_REQUEST_PROPERTY);
        print("    Tasklist's call, one JSON mapper per request (Camunda's own resolver)        ", mapperPair[0], ROUNDS);
        print("    Tasklist's call, the product's one shared JSON mapper                        ", mapperPair[1], ROUNDS);
      }
      // the same query in the process, without HTTP and without authorization
      Officer inProcess = userId -> {
        List<String> mine = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        long count = taskService.createTaskQuery().taskCandidateGroupIn(mine).active().count();
        List<Task> page = taskService.createTaskQuery().taskCandidateGroupIn(mine).active().orderByTaskCreateTime()
            .desc().listPage(0, 15);
        String[] scopes = page.stream().flatMap(t -> java.util.stream.Stream.of(t.getId(), t.getExecutionId(),
            t.getProcessInstanceId())).distinct().toArray(String[]::new);
        runtime.createVariableInstanceQuery().variableScopeIdIn(scopes).variableNameIn("regionName", "stageName", "title")
            .list();
        return (int) count;
      };
      for (int i = 0; i < WARM_UP; i++) {
        inProcess.open(officers.get(i % OFFICERS));
      }
      double[] api = sequential(inProcess, officers, tick);
      print("    engine Java API, no HTTP, no authorization                                   ", api, ROUNDS);
      System.out.printf("    ratio product / bare, Tasklist's call: p50 %.2f x, p95 %.2f x; REST client: p50 %.2f x,"
          + " p95 %.2f x%n", product[0] / bare[0], product[1] / bare[1], basic[0] / bareBasic[0], basic[1] / bareBasic[1]);
      System.out.println("  " + OFFICERS + " officers at once, Tasklist's call, " + CONCURRENT_ROUNDS
          + " rounds each, product and bare in turn, ms (p50 / p95 / p99); a call that fails (e.g. no database"
          + " connection within 30 s) counts as failed, not timed");
      if (CONCURRENT_ROUNDS == 0) {
        return;
      }
      // rounds of 50 at once, product and bare in turn (which goes first alternating), so that whatever
      // else the machine does weighs on both alike
      List<Double> productTimes = new ArrayList<>();
      List<Double> bareTimes = new ArrayList<>();
      Map<String, Long> productCpu = new java.util.TreeMap<>();
      Map<String, Long> bareCpu = new java.util.TreeMap<>();
      ExecutorService officersPool = Executors.newFixedThreadPool(officers.size(), r -> {
        Thread thread = new Thread(r, "officer-" + java.util.UUID.randomUUID());
        thread.setDaemon(true);
        return thread;
      });
      boolean pgStatements = postgres != null && Boolean.getBoolean("benchmark.pgStatements");
      if (pgStatements) {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.queryForList("select pg_stat_statements_reset()");
      }
      try {
        for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
          for (int k = 0; k < 2; k++) {
            boolean authorization = (round + k) % 2 == 0;
            configuration.setAuthorizationEnabled(authorization);
            try {
              Map<String, Long> before = cpuByPart();
              (authorization ? productTimes : bareTimes).addAll(concurrentRound(officersPool, tasklist, officers, tick));
              cpuByPart().forEach((part, nanos) -> (authorization ? productCpu : bareCpu)
                  .merge(part, nanos - before.getOrDefault(part, 0L), Long::sum));
            } finally {
              configuration.setAuthorizationEnabled(true);
            }
          }
        }
      } finally {
        officersPool.shutdown();
      }
      printConcurrent("    product, authorization on    ", productTimes);
      printConcurrent("    bare, authorization off      ", bareTimes);
      printCpu("product", productCpu, productTimes.size());
      printCpu("bare", bareCpu, bareTimes.size());
      if (pgStatements) {
        System.out.println("    statements of the concurrent rounds (product and bare), by planning + execution time:"
            + " calls, planning ms, execution ms, text");
        for (Map<String, Object> row : jdbc.queryForList("select calls, total_plan_time, total_exec_time, query"
            + " from pg_stat_statements order by total_plan_time + total_exec_time desc limit 25")) {
          System.out.printf("      %6d %9.1f %9.1f  %s%n", ((Number) row.get("calls")).longValue(),
              ((Number) row.get("total_plan_time")).doubleValue(), ((Number) row.get("total_exec_time")).doubleValue(),
              shorten(String.valueOf(row.get("query")).replaceAll("\\s+", " ")));
        }
      }
    } finally {
      app.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  interface Officer {
    int open(String userId) throws Exception;
  }

  static double[] sequential(Officer call, List<String> officers, Runnable tick) throws Exception {
    return sequential(call, officers, tick, ROUNDS);
  }

  static double[] sequential(Officer call, List<String> officers, Runnable tick, int rounds) throws Exception {
    if (Boolean.getBoolean("benchmark.trace")) {
      System.out.println("=== phase from " + java.time.LocalTime.now());
    }
    double[] millis = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      tick.run();
      long t = System.nanoTime();
      call.open(officers.get(i % officers.size()));
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    return percentiles(millis);
  }

  /**
   * Each round the same officer's call twice, once in each of two modes ({@code setMode} switches;
   * which mode goes first alternates from round to round); percentiles of the first mode, then of
   * the second. The first mode is set again after each call.
   */
  static double[][] paired(Officer call, List<String> officers, Runnable tick,
      java.util.function.Consumer<Boolean> setMode, int rounds) throws Exception {
    if (rounds == 0) {
      return new double[][] {{Double.NaN, Double.NaN, Double.NaN}, {Double.NaN, Double.NaN, Double.NaN}};
    }
    double[] first = new double[rounds];
    double[] second = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      String officer = officers.get(i % officers.size());
      for (int k = 0; k < 2; k++) {
        boolean isFirst = (i + k) % 2 == 0;
        setMode.accept(isFirst);
        try {
          tick.run();
          long t = System.nanoTime();
          call.open(officer);
          (isFirst ? first : second)[i] = (System.nanoTime() - t) / 1e6;
        } finally {
          setMode.accept(true);
        }
      }
    }
    return new double[][] {percentiles(first), percentiles(second)};
  }

  /**
   * CPU time so far (ns) by part of the machine: the web server's threads (Tomcat), the benchmark's
   * HTTP clients (the officers' threads and the JDK client's own), the rest of this JVM, and the
   * PostgreSQL server's processes (0 on H2). Threads that ended are not counted, so the officers run
   * on one pool kept for all rounds.
   */
  static Map<String, Long> cpuByPart() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> parts = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      String name = info.getThreadName();
      String part = name.startsWith("http-nio") ? "web server (Tomcat threads)"
          : name.startsWith("officer-") || name.startsWith("HttpClient") ? "benchmark's HTTP clients"
          : "rest of the JVM";
      parts.merge(part, cpu, Long::sum);
    }
    parts.put("PostgreSQL processes", ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum());
    return parts;
  }

  /** A statement's text for the report: whole with -Dbenchmark.pgStatementsWhole=true, else its first 220 characters. */
  static String shorten(String text) {
    return Boolean.getBoolean("benchmark.pgStatementsWhole") ? text : text.substring(0, Math.min(220, text.length()));
  }

  static void printCpu(String label, Map<String, Long> cpu, int calls) {
    long all = cpu.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("    CPU per call, %s: %.2f ms in all; %s%n", label, all / 1e6 / calls, cpu.entrySet().stream()
        .map(e -> String.format("%s %.2f ms (%.0f %%)", e.getKey(), e.getValue() / 1e6 / calls, 100.0 * e.getValue() / all))
        .collect(java.util.stream.Collectors.joining(", ")));
  }

  /** The officers all at once, one call each; the milliseconds of each, NaN for a call that failed. */
  static List<Double> concurrentRound(ExecutorService pool, Officer call, List<String> officers, Runnable tick)
      throws Exception {
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Future<Double>> results = new ArrayList<>();
    for (String officer : officers) {
      results.add(pool.submit(() -> {
        start.await();
        if (TICK_EACH) {
          tick.run();
        }
        long t = System.nanoTime();
        try {
          call.open(officer);
          return (System.nanoTime() - t) / 1e6;
        } catch (Exception failed) {
          return Double.NaN;
        }
      }));
    }
    // one write before the round, so that H2 answers none of the round's queries from its result
    // cache; before, each officer's thread wrote the same row right before its call, and the 50
    // updates of that row, queued on its lock, ran among the other officers' timed calls
    if (!TICK_EACH) {
      tick.run();
    }
    start.countDown();
    List<Double> all = new ArrayList<>();
    for (Future<Double> result : results) {
      all.add(result.get());
    }
    return all;
  }

  static void printConcurrent(String label, List<Double> all) {
    long failed = all.stream().filter(d -> d.isNaN()).count();
    if (failed > 0) {
      System.out.printf("    %d of %d calls failed; the figures below are of the %d that answered%n", failed,
          all.size(), all.size() - failed);
    }
    double[] timed = all.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).toArray();
    print(label, timed.length == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : percentiles(timed),
        timed.length);
  }

  static double[] percentiles(double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
  }

  static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  static void print(String label, double[] p, int n) {
    System.out.printf("%s %7.2f / %7.2f / %7.2f  (%d calls)%n", label, p[0], p[1], p[2], n);
  }

  static String post(HttpClient http, String url, String userId, String accept) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((userId + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " as " + userId + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** One instance: a parallel multi-instance user task, one per group of the list, with the filter's variables. */
  static BpmnModelInstance probe() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("tasklist-probe").name("Uji skala Tasklist")
        .camundaHistoryTimeToLive(1)
        .startEvent("ProbeStartEvent")
        .userTask("ProbeTask").name("Tugas uji skala").camundaCandidateGroups("${group}")
        .multiInstance().parallel().camundaCollection("${groups}").camundaElementVariable("group").multiInstanceDone()
        .endEvent("ProbeEndEvent")
        .done();
    return model;
  }

  private TasklistScaleBenchmark() {}
}
