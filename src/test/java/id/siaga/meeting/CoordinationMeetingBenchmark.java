package id.siaga.meeting;

import static id.siaga.BenchmarkSupport.addDifference;
import static id.siaga.BenchmarkSupport.heapAfterGc;
import static id.siaga.BenchmarkSupport.rowCounts;

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
        .profiles("demo").run("--spring.datasource.url=" + id.siaga.BenchmarkSupport.h2Memory("rakorbenchmark"),
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
      String bareDefinitionId = repository.createProcessDefinitionQuery().processDefinitionKey("bare-meeting")
          .latestVersion().singleResult().getId();
      runBareForms(5, bareDefinitionId, forms, tasks);

      // The three phases run interleaved, in chunks of 25 meetings whose order rotates, so that none
      // of them runs on a smaller database or a colder JIT than the others.
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      int chunk = 25;
      double[] seconds = new double[3];
      List<Map<String, Long>> rows = List.of(new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>());
      long heapBefore = heapAfterGc();
      for (int from = 0, round = 0; from < n; from += chunk, round++) {
        int size = Math.min(chunk, n - from);
        for (int k = 0; k < 3; k++) {
          int phase = (round + k) % 3;
          Map<String, Long> before = rowCounts(jdbc);
          long t = System.nanoTime();
          switch (phase) {
            case 0 -> runProduct(size, from, definitionId, forms, tasks, runtime, identity);
            case 1 -> runBareForms(size, bareDefinitionId, forms, tasks);
            default -> runBare(size, tasks, runtime);
          }
          seconds[phase] += (System.nanoTime() - t) / 1e9;
          addDifference(rows.get(phase), rowCounts(jdbc), before);
        }
      }
      double product = seconds[0];
      double bareForms = seconds[1];
      double bare = seconds[2];
      long heapAfter = heapAfterGc();
      long open = runtime.createProcessInstanceQuery().count();

      System.out.printf("Rakor benchmark, %d meetings x 11 form submissions (H2 in memory, 1 thread, 2 cores)%n", n);
      System.out.printf("  product (checks, records, timers, mails queued): %7.1f s (%6.1f ms per meeting)%n",
          product, product * 1000 / n);
      System.out.printf("  bare engine, same forms through the form service: %6.1f s (%6.1f ms per meeting)%n",
          bareForms, bareForms * 1000 / n);
      System.out.printf("  ratio product / bare (same forms):               %7.2f x%n", product / bareForms);
      System.out.printf("  earlier baseline: bare, same shape, taskService.complete with 7 of the report's 17 fields,"
          + " no start form:%n                                                   %7.1f s (%6.1f ms per meeting), ratio %.2f x%n",
          bare, bare * 1000 / n, product / bare);
      System.out.printf("  heap after GC: before %d MB, after all three %d MB; open instances %d%n",
          heapBefore >> 20, heapAfter >> 20, open);
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
      System.out.printf("  rows left per meeting (product / bare with the same forms / earlier bare), tables that differ:%n");
      rows.get(0).keySet().stream().sorted().forEach(table -> {
        double p = rows.get(0).getOrDefault(table, 0L) / (double) n;
        double f = rows.get(1).getOrDefault(table, 0L) / (double) n;
        double b = rows.get(2).getOrDefault(table, 0L) / (double) n;
        if (Math.abs(p - b) >= 0.05 || Math.abs(p - f) >= 0.05) {
          System.out.printf("    %-32s %7.1f %7.1f %7.1f%n", table, p, f, b);
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
      identity.setAuthentication("admin", List.of("camunda-admin"));
      String pi = forms.submitStartForm(definition, scheduleForm(i, at)).getId();
      identity.clearAuthentication();
      for (Task report : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("SubmitReadinessReportTask")
          .list()) {
        forms.submitTaskForm(report.getId(), reportForm());
      }
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-05-16T00:00:00Z")));
      Task outcome = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("RecordMeetingOutcomeTask")
          .singleResult();
      forms.submitTaskForm(outcome.getId(), outcomeForm());
      for (Task item : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("CompleteActionItemTask").list()) {
        forms.submitTaskForm(item.getId(), followUpForm());
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

  /**
   * The bare engine receiving exactly what Tasklist sends for the product's meetings: the same start
   * form and the same task forms with every field, through the form service (Tasklist's
   * {@code submit-form}). The start is not logged in: the product's guard checks every logged-in
   * submission against the task's form, and the bare model has none (so the bare engine writes no
   * operation log for the start, which the product does). The bare model needs two routing
   * variables the product works out itself ({@code agencies}, {@code items}). Without checks,
   * records, captions, timers, grants or mails, and the fields stored as the engine stores them
   * by default (on the instance).
   */
  static void runBareForms(int n, String definition, FormService forms, TaskService tasks) {
    for (int i = 0; i < n; i++) {
      LocalDateTime at = LocalDateTime.of(2027, 5, 10, 0, 0).plusMinutes(i);
      Map<String, Object> schedule = scheduleForm(i, at);
      schedule.put("agencies", SpinValues.jsonValue(json(GROUPS)).create());
      String pi = forms.submitStartForm(definition, schedule).getId();
      for (Task report : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("report").list()) {
        forms.submitTaskForm(report.getId(), reportForm());
      }
      Task outcome = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("outcome").singleResult();
      Map<String, Object> outcomeForm = new HashMap<>(outcomeForm());
      outcomeForm.put("items", SpinValues.jsonValue("[\"polri7373\",\"kpu7373\"]").create());
      forms.submitTaskForm(outcome.getId(), outcomeForm);
      for (Task item : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("followUp").list()) {
        forms.submitTaskForm(item.getId(), followUpForm());
      }
    }
  }

  /** The schedule form as the coordinator submits it. */
  static Map<String, Object> scheduleForm(int i, LocalDateTime at) {
    Map<String, Object> schedule = new HashMap<>(Map.of("regionCode", "73.73", "stageCode", "kampanye",
        "title", "Rakor " + i, "meetingAt", at.toString(), "venue", "Aula",
        "agenda", "Laporan kesiapan", "conveningAgency", "KESBANGPOL"));
    schedule.put("invitedAgencies", SpinValues.jsonValue(json(AGENCIES)).create());
    return schedule;
  }

  /** A readiness report with every field filled, as an agency submits it (17 fields). */
  static Map<String, Object> reportForm() {
    Map<String, Object> form = new HashMap<>(Map.of("personnelCount", 20,
        "vulnerabilities", SpinValues.jsonValue("[\"HOAKS\",\"POLITIK_UANG\"]").create(),
        "needsAndObstacles", "Kendaraan patroli", "readinessStatus", "SIAP", "attendeeName", "Kompol Andi",
        "attendeePosition", "Wakapolres"));
    ReportTopics.ALL.forEach(topic -> form.put(topic.key(), "Sesuai rencana"));
    return form;
  }

  /** The meeting held, with attendance, minutes and two action items. */
  static Map<String, Object> outcomeForm() {
    return Map.of("meetingOutcome", "DILAKSANAKAN",
        "attendance", SpinValues.jsonValue("[\"POLRI\",\"KPU\"]").create(), "minutes", "Semua siap.",
        "actionItem1Description", "Patroli", "actionItem1Owner", CoordinationMeetingDriver.json("[\"POLRI\"]"),
        "actionItem1Due", "2027-05-28", "actionItem2Description", "Data TPS", "actionItem2Owner", "KPU",
        "actionItem2Due", "2027-05-28");
  }

  /** An action item done. */
  static Map<String, Object> followUpForm() {
    return Map.of("followUpDecision", "SELESAI", "followUpOutcome", "Selesai", "evidence", "Sprin");
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
}
