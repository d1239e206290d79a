package id.siaga.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;

/**
 * Drives the security processes through the engine's Java API as the system would (no user: the
 * gate's membership checks are the REST tests' business), submitting the forms' fields, and runs
 * their jobs at the instants the test names (the engine clock is driven; nothing sleeps).
 */
final class PatrolDriver {

  /** Test hygiene: every patrol, TPS guard plan and BKO request gone, with their records. */
  static void clearAll(RuntimeService runtime, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    for (String key : List.of(PatrolVariables.PATROL_PROCESS, PatrolVariables.GUARD_PROCESS,
        PatrolVariables.REINFORCEMENT_PROCESS)) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    for (String table : List.of("siaga_patrol_situation", "siaga_patrol_stage", "siaga_guard_plan",
        "siaga_reinforcement")) {
      jdbc.update("delete from " + table);
    }
  }


  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;

  PatrolDriver(RuntimeService runtime, TaskService tasks, FormService forms, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
  }

  ProcessInstance startPatrols(String regionCode, String stageCode, String electionId) {
    return runtime.startProcessInstanceByKey(PatrolVariables.PATROL_PROCESS, Variables.createVariables()
        .putValue("regionCode", regionCode).putValue("stageCode", stageCode).putValue("electionId", electionId));
  }

  ProcessInstance startGuardPlan(String regionCode, String electionId) {
    return runtime.startProcessInstanceByKey(PatrolVariables.GUARD_PROCESS, Variables.createVariables()
        .putValue("regionCode", regionCode).putValue("electionId", electionId));
  }

  /** The instance and the BKO requests it called. */
  List<String> instances(ProcessInstance pi) {
    List<String> ids = new ArrayList<>(List.of(pi.getId()));
    runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list().forEach(p -> ids.add(p.getId()));
    return ids;
  }

  List<Task> tasks(ProcessInstance pi, String key) {
    List<Task> found = new ArrayList<>();
    for (String id : instances(pi)) {
      found.addAll(tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(key).orderByDueDate().asc().list());
    }
    return found;
  }

  Task task(ProcessInstance pi, String key) {
    List<Task> found = tasks(pi, key);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + key + ", found " + found.size() + "; open: "
          + instances(pi).stream().flatMap(id -> tasks.createTaskQuery().processInstanceId(id).list().stream())
              .map(Task::getTaskDefinitionKey).toList());
    }
    return found.get(0);
  }

  Task task(ProcessInstance pi, String key, String districtCode) {
    return tasks(pi, key).stream().filter(t -> districtCode.equals(tasks.getVariable(t.getId(), "districtCode")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for " + districtCode));
  }

  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .toList();
  }

  void submit(Task task, Map<String, Object> fields) {
    forms.submitTaskForm(task.getId(), fields);
  }

  boolean ended(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Sets the clock a second after {@code instant} and runs every job of the instance due by then. */
  void runJobsAt(ProcessInstance pi, Instant instant) {
    at(instant.plusSeconds(1));
    for (int round = 0; round < 50; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : instances(pi)) {
        due.addAll(management.createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs still due after 50 rounds");
  }

  // ---- the forms as users fill them

  static Object json(String json) {
    return Spin.JSON(json);
  }

  static Map<String, Object> review(int personnelAvailable) {
    return Map.of("personnelAvailable", personnelAvailable);
  }

  /** The review form's override: the ticked kecamatan get this plan, for this reason. */
  static Map<String, Object> override(List<String> districts, int patrolsPerDay, int personnelPerPatrol,
      boolean joint, String reason) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("overrideDistricts", json(toJson(districts)));
    fields.put("overridePatrolsPerDay", patrolsPerDay);
    fields.put("overridePersonnelPerPatrol", personnelPerPatrol);
    fields.put("overrideJointWithTni", String.valueOf(joint));
    fields.put("overrideReason", reason);
    return fields;
  }

  static Map<String, Object> team(int personnel) {
    return Map.of("teamLeader", "IPTU Andi Rahman", "teamPersonnel", personnel);
  }

  static Map<String, Object> tniElement() {
    return Map.of("tniElement", "Babinsa Koramil 1403-01, Serka Basri", "tniPersonnel", 2);
  }

  static Map<String, Object> pemdaSupport() {
    return Map.of("linmasPersonnel", 10, "satpolPpPersonnel", 4);
  }

  /** Names every kecamatan's team, TNI element and Pemda support as planned. */
  void assignEverything(ProcessInstance pi, PatrolRepository records) {
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    for (Task t : tasks(pi, "AssignPatrolTeamTask")) {
      String district = (String) tasks.getVariable(t.getId(), "districtCode");
      submit(t, team(records.district(stage.stagePlanId(), district).orElseThrow().plan().personnelNeeded()));
    }
    tasks(pi, "AssignTniElementTask").forEach(t -> submit(t, tniElement()));
    tasks(pi, "ConfirmPemdaSupportTask").forEach(t -> submit(t, pemdaSupport()));
  }

  /**
   * A situation report as Polres ticks it: the kecamatan named waspada or rawan (the rest aman),
   * the incidents of the period and where they happened.
   */
  static Map<String, Object> situationReport(Map<String, String> situations, int incidents, List<String> places) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("waspadaDistricts", codes(situations, "WASPADA"));
    fields.put("rawanDistricts", codes(situations, "RAWAN"));
    fields.put("incidents", incidents);
    fields.put("incidentDistricts", json(toJson(places)));
    if (incidents > 0) {
      fields.put("incidentNotes", "Bentrok pendukung di depan kantor kecamatan, dilerai");
    }
    return fields;
  }

  private static Object codes(Map<String, String> situations, String situation) {
    return json(toJson(situations.entrySet().stream().filter(e -> e.getValue().equals(situation))
        .map(Map.Entry::getKey).sorted().toList()));
  }

  static String toJson(List<String> codes) {
    return codes.stream().map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  static Map<String, Object> calmReport() {
    return Map.of("incidents", 0);
  }

  /** Files every open report of the stage, all calm. */
  void fileOpenReports(ProcessInstance pi) {
    for (Task t : tasks(pi, "FileSituationReportTask")) {
      submit(t, calmReport());
    }
  }

  /**
   * Walks the stage window from {@code from} to its end a period at a time, filing each report
   * when it opens; returns the due instants of the report tasks in the order they opened.
   */
  List<Instant> fileEveryReportAsItOpens(ProcessInstance pi, Instant windowStart, Instant windowEnd,
      Duration interval) {
    List<Instant> dues = new ArrayList<>();
    for (Instant t = windowStart; t.isBefore(windowEnd); t = t.plus(interval)) {
      runJobsAt(pi, t);
      for (Task report : tasks(pi, "FileSituationReportTask")) {
        dues.add(report.getDueDate().toInstant());
        submit(report, calmReport());
      }
    }
    runJobsAt(pi, windowEnd);
    return dues;
  }

  static Duration hours(int h) {
    return Duration.ofHours(h);
  }
}
