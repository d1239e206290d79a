package id.siaga.meeting;

import id.siaga.SiagaPilkadaApplication;
import id.siaga.calendar.Elections;
import id.siaga.region.NationalData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: N whole coordination meetings (default 200), each scheduled, 7 readiness reports, the
 * meeting held with 2 action items, both done (11 form submissions per meeting, all checked and
 * recorded), against the bare engine running a model of the same shape (7 parallel report tasks,
 * an outcome task, 2 parallel follow-ups) without our checks, records or timers, in the same
 * engine and run. Prints time and heap after GC.
 * <pre>./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.siaga.meeting.CoordinationMeetingBenchmark [-Dbenchmark.meetings=200]</pre>
 */
public final class CoordinationMeetingBenchmark {

  static final List<String> AGENCIES = List.of("KESBANGPOL", "PEMDA", "POLRI", "TNI", "KPU", "BAWASLU", "KEJAKSAAN");
  static final List<String> GROUPS = List.of("kesbangpol7373", "pemda7373", "polri7373", "tni7373", "kpu7373",
      "bawaslu7373", "kejaksaan7373");

  public static void main(String[] args) throws InterruptedException {
    int n = Math.min(Integer.getInteger("benchmark.meetings", 200), 7000);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:00:00Z")));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SiagaPilkadaApplication.class)
        .profiles("demo").run("--spring.datasource.url=jdbc:h2:mem:rakorbenchmark;DB_CLOSE_DELAY=-1",
            "--server.port=0", "--siaga.demo.mail-server.port=0", "--logging.level.id.siaga=WARN",
            "--logging.level.org.camunda=WARN", "--camunda.bpm.job-execution.enabled=false", String.join(" ", args).isBlank() ? "--siaga.benchmark=true" : String.join(" ", args));
    try {
      // the demo's first start loads the country in the background
      if (app.getBean(NationalData.class).awaitSettled(Duration.ofMinutes(3)) != NationalData.State.READY) {
        throw new IllegalStateException("the national import did not finish");
      }
      app.getBean(Elections.class).createSimulation("pilkada-2024", LocalDate.of(2027, 6, 20));
      RepositoryService repository = app.getBean(RepositoryService.class);
      repository.createDeployment().name("benchmark").addModelInstance("bare-meeting.bpmn", bareModel()).deploy();
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      FormService forms = app.getBean(FormService.class);
      IdentityService identity = app.getBean(IdentityService.class);
      String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY)
          .latestVersion().singleResult().getId();

      // warm-up: a few of each, not measured
      runProduct(5, 8000, definitionId, forms, tasks, runtime, identity);
      runBare(5, tasks, runtime);

      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Map<String, Long> rows0 = rowCounts(jdbc);
      long heapBefore = heapAfterGc();
      long t0 = System.nanoTime();
      runProduct(n, 0, definitionId, forms, tasks, runtime, identity);
      double product = (System.nanoTime() - t0) / 1e9;
      long heapProduct = heapAfterGc();
      Map<String, Long> rows1 = rowCounts(jdbc);
      long t1 = System.nanoTime();
      runBare(n, tasks, runtime);
      double bare = (System.nanoTime() - t1) / 1e9;
      long heapBare = heapAfterGc();
      Map<String, Long> rows2 = rowCounts(jdbc);
      long open = runtime.createProcessInstanceQuery().count();

      System.out.printf("Rakor benchmark, %d meetings x 11 form submissions (H2 in memory, 1 thread, 2 cores)%n", n);
      System.out.printf("  product (checks, records, timers, mails queued): %7.1f s (%6.1f ms per meeting)%n",
          product, product * 1000 / n);
      System.out.printf("  bare engine, same shape, no checks/records:      %7.1f s (%6.1f ms per meeting)%n",
          bare, bare * 1000 / n);
      System.out.printf("  ratio product / bare:                            %7.1f x%n", product / bare);
      System.out.printf("  heap after GC: before %d MB, after product %d MB, after bare %d MB; open instances %d%n",
          heapBefore >> 20, heapProduct >> 20, heapBare >> 20, open);
      if (Boolean.getBoolean("benchmark.variables")) {
        jdbc.queryForList("select NAME_, count(*) as N from ACT_HI_VARINST where PROC_DEF_KEY_ = ? group by NAME_"
            + " order by 2 desc", MeetingVariables.PROCESS_KEY).forEach(row -> System.out.printf("    var %-28s %6.1f%n",
            row.get("NAME_"), ((Number) row.get("N")).doubleValue() / n));
        jdbc.queryForList("select TYPE_ || ' ' || NAME_ as K, count(*) as N from ACT_HI_DETAIL where PROC_DEF_KEY_ = ?"
            + " group by TYPE_, NAME_ order by 2 desc", MeetingVariables.PROCESS_KEY).forEach(row -> System.out.printf(
            "    detail %-38s %6.1f%n", row.get("K"), ((Number) row.get("N")).doubleValue() / n));
        jdbc.queryForList("select TYPE_, count(*) as N from ACT_HI_DETAIL where PROC_DEF_KEY_ = ? group by TYPE_",
            MeetingVariables.PROCESS_KEY).forEach(row -> System.out.printf("    detail %-25s %6.1f%n",
            row.get("TYPE_"), ((Number) row.get("N")).doubleValue() / n));
      }
      System.out.printf("  rows left per meeting (product / bare), tables that differ:%n");
      rows2.keySet().stream().sorted().forEach(table -> {
        double p = (rows1.get(table) - rows0.getOrDefault(table, 0L)) / (double) n;
        double b = (rows2.get(table) - rows1.getOrDefault(table, 0L)) / (double) n;
        if (Math.abs(p - b) >= 0.05) {
          System.out.printf("    %-32s %7.1f %7.1f%n", table, p, b);
        }
      });
    } finally {
      ClockUtil.reset();
      app.close();
    }
  }

  static void runProduct(int n, int firstMinute, String definition, FormService forms, TaskService tasks,
      RuntimeService runtime, IdentityService identity) {
    for (int i = 0; i < n; i++) {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-05-01T00:00:00Z")));
      // in the campaign stage of the benchmark's own simulation (voting day 20 June 2027)
      LocalDateTime at = LocalDateTime.of(2027, 5, 10, 0, 0).plusMinutes(firstMinute + i);
      Map<String, Object> schedule = new HashMap<>(Map.of("regionCode", "73.73", "stageCode", "kampanye",
          "title", "Rakor " + i, "meetingAt", at.toString(), "venue", "Aula",
          "agenda", "Laporan kesiapan", "conveningAgency", "KESBANGPOL"));
      schedule.put("invitedAgencies", SpinValues.jsonValue(json(AGENCIES)).create());
      identity.setAuthentication("admin", List.of("camunda-admin"));
      String pi = forms.submitStartForm(definition, schedule).getId();
      identity.clearAuthentication();
      for (Task report : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("SubmitReadinessReportTask")
          .list()) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("personnelCount", 20,
            "vulnerabilities", SpinValues.jsonValue("[\"HOAKS\",\"POLITIK_UANG\"]").create(),
            "needsAndObstacles", "Kendaraan patroli", "readinessStatus", "SIAP", "attendeeName", "Kompol Andi",
            "attendeePosition", "Wakapolres"));
        ReportTopics.ALL.forEach(topic -> form.put(topic.key(), "Sesuai rencana"));
        forms.submitTaskForm(report.getId(), form);
      }
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-05-16T00:00:00Z")));
      Task outcome = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("RecordMeetingOutcomeTask")
          .singleResult();
      forms.submitTaskForm(outcome.getId(), Map.of("meetingOutcome", "DILAKSANAKAN",
          "attendance", SpinValues.jsonValue("[\"POLRI\",\"KPU\"]").create(), "minutes", "Semua siap.",
          "actionItem1Description", "Patroli", "actionItem1Owner", CoordinationMeetingDriver.json("[\"POLRI\"]"), "actionItem1Due", "2027-05-28",
          "actionItem2Description", "Data TPS", "actionItem2Owner", "KPU", "actionItem2Due", "2027-05-28"));
      for (Task item : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("CompleteActionItemTask").list()) {
        forms.submitTaskForm(item.getId(), Map.of("followUpDecision", "SELESAI", "followUpOutcome", "Selesai",
            "evidence", "Sprin"));
      }
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-05-01T00:00:00Z")));
  }

  static void runBare(int n, TaskService tasks, RuntimeService runtime) {
    for (int i = 0; i < n; i++) {
      String pi = runtime.startProcessInstanceByKey("bare-meeting", Map.of("agencies", json(GROUPS), "title",
          "Rakor " + i, "venue", "Aula", "agenda", "Laporan kesiapan")).getId();
      for (Task report : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("report").list()) {
        tasks.complete(report.getId(), Map.of("personnelCount", 20, "vulnerabilities", "[\"HOAKS\",\"POLITIK_UANG\"]",
            "needsAndObstacles", "Kendaraan patroli", "readinessStatus", "SIAP", "attendeeName", "Kompol Andi",
            "attendeePosition", "Wakapolres"));
      }
      Task outcome = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("outcome").singleResult();
      tasks.complete(outcome.getId(), Map.of("meetingOutcome", "DILAKSANAKAN", "minutes", "Semua siap.",
          "items", "[\"polri7373\",\"kpu7373\"]"));
      for (Task item : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("followUp").list()) {
        tasks.complete(item.getId(), Map.of("followUpOutcome", "Selesai", "evidence", "Sprin"));
      }
    }
  }

  /** The same shape without the product: parallel reports and the outcome, then parallel follow-ups. */
  static BpmnModelInstance bareModel() {
    return Bpmn.createExecutableProcess("bare-meeting").camundaHistoryTimeToLive(1)
        .startEvent("BareStartEvent")
        .parallelGateway("BareForkGateway")
        .userTask("report").camundaCandidateGroups("${agency.stringValue()}")
        .multiInstance().parallel().camundaCollection("${S(agencies).elements()}").camundaElementVariable("agency")
        .multiInstanceDone()
        .parallelGateway("BareJoinGateway")
        .subProcess("followUps")
        .embeddedSubProcess().startEvent("BareFollowUpStartEvent")
        .userTask("followUp").camundaCandidateGroups("${owner.stringValue()}")
        .endEvent("BareFollowUpEndEvent").subProcessDone()
        .multiInstance().parallel().camundaCollection("${S(items).elements()}").camundaElementVariable("owner")
        .multiInstanceDone()
        .endEvent("BareEndEvent")
        .moveToNode("BareForkGateway").userTask("outcome").camundaCandidateGroups("kesbangpol7373")
        .connectTo("BareJoinGateway")
        .done();
  }

  static String json(List<String> values) {
    return "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
  }

  /** Rows of every table, to see what a meeting leaves behind. */
  static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
      counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return counts;
  }

  static long heapAfterGc() {
    System.gc();
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }
}
