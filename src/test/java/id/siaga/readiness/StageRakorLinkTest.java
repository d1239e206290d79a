package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.EngineUsers;
import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Rakor of a stage and its readiness, on the whole application: the coordinator schedules the
 * Rakor from the readiness task (the Rakor's own form and rules, with the readiness's region, stage
 * and election); the readiness waits until the Rakor process says it was held, not until its
 * follow-ups end; a cancelled Rakor opens the task again; a Rakor scheduled or held from the Rakor's
 * own start form counts too; a stage without a Rakor does not wait. The engine clock is driven.
 */
@SiagaSpringBootTest
class StageRakorLinkTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 9, 22);
  static final String PALOPO = "73.73";
  static final String STAGE = "masa-tenang";   // VOTING_DAY-3 … VOTING_DAY-1
  static final String RAKOR = "coordination-meeting";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ReadinessRepository records;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  String electionId;

  @BeforeEach
  void setUp() {
    at(local(VOTING_DAY.minusDays(10), 8));
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identity.clearAuthentication();
    for (String key : List.of("stage-readiness", "patrol-assignment", "logistics-distribution", "tps-security-plan",
        RAKOR)) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    for (String table : List.of("siaga_stage_readiness", "siaga_patrol_situation", "siaga_patrol_stage")) {
      jdbc.update("delete from " + table);
    }
    String mine = "(select meeting_id from siaga_meeting where election_id = ?)";
    jdbc.update("delete from siaga_meeting_action_item where meeting_id in " + mine, electionId);
    jdbc.update("delete from siaga_meeting_report where meeting_id in " + mine, electionId);
    jdbc.update("delete from siaga_meeting where election_id = ?", electionId);
  }

  @Test
  void theCoordinatorSchedulesTheRakorFromTheTaskAndTheHeldRakorReleasesTheReadiness() {
    ProcessInstance pi = startReadiness(STAGE);
    Task schedule = scheduleTask(pi);
    assertThat(groups(schedule)).containsExactly("kesbangpol7373");
    // due at noon five days before the stage, local time
    assertThat(schedule.getDueDate().toInstant()).isEqualTo(local(VOTING_DAY.minusDays(8), 12));
    // the form opens prefilled, with values worked out when it is read: none of them is stored
    VariableMap opened = forms.getTaskFormVariables(schedule.getId());
    assertThat(opened.get("rakorNote")).isEqualTo("Belum ada Rakor untuk tahapan ini.");
    assertThat(opened.get("title")).isEqualTo("Rakor kesiapan tahapan Masa tenang Kota Palopo");
    assertThat(opened.get("agenda")).isEqualTo("1. Kesiapan tahapan Masa tenang\n2. Laporan kesiapan setiap instansi\n"
        + "3. Kerawanan dan tindak lanjut");
    assertThat(opened.get("durationMinutes")).isEqualTo("120");
    assertThat(opened.get("letterNature")).isEqualTo("BIASA");
    assertThat(opened.getValueTyped("invitedAgencies").getType().getName()).isEqualTo("json");
    assertThat(opened.get("invitedAgencies").toString())
        .contains("KPU", "BAWASLU", "POLRI", "TNI", "KEJAKSAAN", "KESBANGPOL", "PEMDA");
    // on the task only the captions Tasklist's list shows (agency.TaskCaptions), copied from the process
    assertThat(tasks.getVariablesLocal(schedule.getId())).containsOnlyKeys("regionName", "stageName", "title")
        .containsEntry("title", "Kesiapan tahapan Masa tenang");
    assertThat(runtime.getVariablesLocal(schedule.getExecutionId())).doesNotContainKeys("title", "agenda",
        "invitedAgencies", "invitedRegencyAgencies", "durationMinutes", "letterNature", "rakorNote");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("agenda", "invitedAgencies", "rakorNote").count()).isZero();
    // a form submitted without its title is refused: the process's own "title" does not stand in for it
    Map<String, Object> untitled = scheduleForm(VOTING_DAY.minusDays(5) + "T09:00");
    untitled.remove("title");
    assertThatThrownBy(() -> submit(schedule, "kesbangpolpalopo", untitled)).hasMessageContaining("Judul");

    // a date after the stage is refused by the Rakor's own rules: nothing is created, the task stays
    assertThatThrownBy(() -> submit(schedule, "kesbangpolpalopo", scheduleForm(VOTING_DAY.plusDays(1) + "T09:00")))
        .hasMessageContaining("Tanggal rapat");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RAKOR).variableValueEquals("electionId",
        electionId).count()).isZero();
    assertThat(scheduleTask(pi)).isNotNull();

    submit(schedule, "kesbangpolpalopo", scheduleForm(VOTING_DAY.minusDays(5) + "T09:00"));
    ProcessInstance rakor = rakorOf(electionId);
    assertThat(runtime.getVariable(rakor.getId(), "regionCode")).isEqualTo(PALOPO);
    assertThat(runtime.getVariable(rakor.getId(), "stageCode")).isEqualTo(STAGE);
    assertThat(runtime.getVariable(rakor.getId(), "conveningGroup")).isEqualTo("kesbangpol7373");
    assertThat(runtime.getVariable(rakor.getId(), "convenedBy")).isEqualTo("kesbangpolpalopo");
    assertThat(runtime.getVariable(pi.getId(), "rakorMeetingId")).isEqualTo(rakor.getBusinessKey());
    assertThat(scheduleTask(pi)).isNull();
    assertThat(waitingFor(pi)).containsExactlyInAnyOrder("StageRakorHeld", "StageRakorCancelled");

    // the Rakor is held: the readiness goes on while the Rakor follows up its action items
    at(local(VOTING_DAY.minusDays(5), 11));
    submit(outcomeTask(rakor), "kesbangpolpalopo", held(VOTING_DAY.minusDays(4).toString()));
    assertThat(waitingFor(pi)).as("told only by the asynchronous notice").isNotEmpty();
    runJobs(rakor);
    assertThat(waitingFor(pi)).isEmpty();
    assertThat(passed(pi, "RakorHeldEvent")).isTrue();
    assertThat(passed(pi, "RakorSettledGateway")).isTrue();
    assertThat(tasks.createTaskQuery().processInstanceId(rakor.getId()).taskDefinitionKey("CompleteActionItemTask")
        .count()).as("the Rakor's follow-ups go on").isOne();

    // the declaration shows the Rakor as it stands
    at(local(VOTING_DAY.minusDays(3), 0).plusSeconds(1));
    runJobs(pi);
    Task declare = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("DeclareReadinessTask")
        .singleResult();
    assertThat((String) tasks.getVariable(declare.getId(), "readinessSummary"))
        .contains("Rakor: dilaksanakan")
        .contains("laporan kesiapan 0 dari 7 instansi; tindak lanjut 1 butir, 0 selesai, 1 terlambat");

    // declared, the Rakor held: the readiness still waits for the other workstream it started, the patrols
    submit(declare, "kesbangpolpalopo", Map.of("declaration", "SIAP"));
    assertThat(records.findByProcessInstance(pi.getId()).orElseThrow().workstreams())
        .containsExactly("patrol-assignment", RAKOR);
    assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("StartPatrolsCallActivity");
  }

  @Test
  void aProvincesStageRakorInvitesTheAgenciesOfItsRegenciesFromTheTask() {
    ProcessInstance pi = runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", "73").putValue("stageCode", STAGE).putValue("electionId", electionId));
    Task schedule = scheduleTask(pi);
    assertThat(groups(schedule)).containsExactly("kesbangpol73");
    assertThat(forms.getTaskFormVariables(schedule.getId()).get("invitedRegencyAgencies").toString()).isEqualTo("[]");
    Map<String, Object> form = scheduleForm(VOTING_DAY.minusDays(5) + "T10:00");
    form.put("title", "Rakor kesiapan masa tenang Sulawesi Selatan");
    form.put("invitedAgencies", SpinValues.jsonValue("[\"POLRI\",\"KPU\"]").create());
    form.put("invitedRegencyAgencies", SpinValues.jsonValue("[\"POLRI\"]").create());
    submit(schedule, "kesbangpolsulsel", form);
    ProcessInstance rakor = rakorOf(electionId);
    // Polda and KPU Provinsi, and the Polres of each of the 24 regencies and cities
    assertThat(tasks.createTaskQuery().processInstanceId(rakor.getId()).taskDefinitionKey("SubmitReadinessReportTask")
        .list()).hasSize(2 + 24).anySatisfy(t -> assertThat(groups(t)).containsExactly("polri7373"));
    assertThat(scheduleTask(pi)).isNull();

    // the province's quiet period has the Rakor only: held and declared, the readiness ends (the join
    // waits for the branches that were started, and for nothing else)
    at(local(VOTING_DAY.minusDays(5), 12));
    runJobs(rakor);
    submit(outcomeTask(rakor), "kesbangpolsulsel", held(VOTING_DAY.minusDays(3).toString()));
    runJobs(rakor);
    assertThat(passed(pi, "RakorSettledGateway")).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).as("the declaration is due")
        .isOne();
    runJobs(pi);   // the declaration opened at H-6 00:00
    Task declare = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("DeclareReadinessTask")
        .singleResult();
    submit(declare, "kesbangpolsulsel", Map.of("declaration", "SIAP"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(passed(pi, "StageReadinessDoneEndEvent")).isTrue();
  }

  @Test
  void aCancelledRakorOpensTheTaskToScheduleOneAgain() {
    ProcessInstance pi = startReadiness(STAGE);
    submit(scheduleTask(pi), "kesbangpolpalopo", scheduleForm(VOTING_DAY.minusDays(5) + "T09:00"));
    ProcessInstance rakor = rakorOf(electionId);
    runJobs(rakor);
    submit(outcomeTask(rakor), "kesbangpolpalopo",
        Map.of("meetingOutcome", "DIBATALKAN", "cancellationReason", "Wali kota berhalangan"));
    assertThat(scheduleTask(pi)).as("told only by the asynchronous notice").isNull();
    runJobs(rakor);

    Task again = scheduleTask(pi);
    assertThat(again).isNotNull();
    assertThat((String) forms.getTaskFormVariables(again.getId()).get("rakorNote")).startsWith("Rakor: dibatalkan");
    assertThat(waitingFor(pi)).containsExactly("StageRakorHeld");   // only the task's own boundary
    assertThat(passed(pi, "RakorSettledGateway")).isFalse();

    // scheduled again, held: released
    submit(again, "kesbangpolpalopo", scheduleForm(VOTING_DAY.minusDays(4) + "T14:00"));
    List<ProcessInstance> rakors = runtime.createProcessInstanceQuery().processDefinitionKey(RAKOR)
        .variableValueEquals("electionId", electionId).list();
    assertThat(rakors).hasSize(1);
    at(local(VOTING_DAY.minusDays(4), 16));
    submit(outcomeTask(rakors.get(0)), "kesbangpolpalopo", held(VOTING_DAY.minusDays(2).toString()));
    runJobs(rakors.get(0));
    assertThat(passed(pi, "RakorSettledGateway")).isTrue();
  }

  /**
   * A readiness started before the gateway's answer became transient holds {@code rakorState} as a
   * stored variable (null, declared at the start): the check updates it instead of failing, as the
   * engine refuses to replace a stored variable by a transient one.
   */
  @Test
  void aReadinessStartedWithTheStoredRakorStateOfEarlierVersionsStillChecksItsRakor() {
    ProcessInstance pi = startReadiness(STAGE);
    runtime.setVariable(pi.getId(), "rakorState", null);   // as the earlier version declared it
    submit(scheduleTask(pi), "kesbangpolpalopo", scheduleForm(VOTING_DAY.minusDays(5) + "T09:00"));
    ProcessInstance rakor = rakorOf(electionId);
    runJobs(rakor);
    submit(outcomeTask(rakor), "kesbangpolpalopo",
        Map.of("meetingOutcome", "DIBATALKAN", "cancellationReason", "Wali kota berhalangan"));
    runJobs(rakor);

    assertThat(scheduleTask(pi)).as("the check ran again and opened the task").isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "rakorState")).isEqualTo("NONE");
  }

  @Test
  void aRakorScheduledFromItsOwnStartFormCountsBeforeAndDuringTheTask() {
    // held while the task is open: the coordinator cannot schedule a second one, and the held Rakor ends the task
    ProcessInstance pi = startReadiness(STAGE);
    Task schedule = scheduleTask(pi);
    ProcessInstance own = startRakor(VOTING_DAY.minusDays(6) + "T10:00");
    assertThatThrownBy(() -> submit(schedule, "kesbangpolpalopo", scheduleForm(VOTING_DAY.minusDays(5) + "T09:00")))
        .hasMessageContaining("Rakor tahapan ini sudah dijadwalkan");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RAKOR).variableValueEquals("electionId",
        electionId).count()).isOne();
    at(local(VOTING_DAY.minusDays(6), 12));
    submit(outcomeTask(own), "kesbangpolpalopo", held(VOTING_DAY.minusDays(4).toString()));
    runJobs(own);
    assertThat(scheduleTask(pi)).isNull();
    assertThat(passed(pi, "ScheduleRakorHeldEvent")).isTrue();
    assertThat(passed(pi, "RakorSettledGateway")).isTrue();
    assertThat(waitingFor(pi)).isEmpty();
  }

  @Test
  void aReadinessStartedAfterItsRakorWasScheduledOrHeldAsksForNone() {
    // scheduled before: no task, the readiness waits for it
    ProcessInstance own = startRakor(VOTING_DAY.minusDays(6) + "T10:00");
    ProcessInstance pi = startReadiness(STAGE);
    assertThat(scheduleTask(pi)).isNull();
    assertThat(waitingFor(pi)).containsExactlyInAnyOrder("StageRakorHeld", "StageRakorCancelled");
    at(local(VOTING_DAY.minusDays(6), 12));
    submit(outcomeTask(own), "kesbangpolpalopo", held(VOTING_DAY.minusDays(4).toString()));
    runJobs(own);
    assertThat(passed(pi, "RakorHeldEvent")).isTrue();

    // held before: settled at once (the election's count has no Rakor; the quiet period's is held)
    runtime.deleteProcessInstance(pi.getId(), "again");
    jdbc.update("delete from siaga_stage_readiness");
    ProcessInstance again = startReadiness(STAGE);
    assertThat(scheduleTask(again)).isNull();
    assertThat(waitingFor(again)).isEmpty();
    assertThat(passed(again, "CheckStageRakorTask")).isTrue();
    // the gateway's answer lived for the transaction only: no variable, and no history of one
    assertThat(runtime.getVariable(again.getId(), "rakorState")).isNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(again.getId()).variableName("rakorState")
        .count()).isZero();
    assertThat(passed(again, "RakorSettledGateway")).isTrue();
    assertThat(passed(again, "RakorWaitGateway")).isFalse();
  }

  @Test
  void aStageWithoutARakorDoesNotWaitForOne() {
    ProcessInstance pi = startReadiness("penghitungan-rekapitulasi");
    assertThat(scheduleTask(pi)).isNull();
    assertThat(waitingFor(pi)).isEmpty();
    // the fork (an inclusive gateway) does not start the Rakor branch at all
    assertThat(passed(pi, "RakorMergeGateway")).isFalse();
    assertThat(passed(pi, "RakorSettledGateway")).isFalse();
    assertThat(passed(pi, "CheckStageRakorTask")).as("not asked").isFalse();
    assertThat(records.findByProcessInstance(pi.getId()).orElseThrow().workstreams()).doesNotContain(RAKOR);
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance startReadiness(String stageCode) {
    return runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", PALOPO).putValue("stageCode", stageCode).putValue("electionId", electionId));
  }

  /** A Rakor of the stage scheduled from the Rakor's own start form, as Kesbangpol Palopo. */
  ProcessInstance startRakor(String meetingAt) {
    Map<String, Object> form = scheduleForm(meetingAt);
    form.put("regionCode", PALOPO);
    form.put("stageCode", STAGE);
    // the start form names no election: the Rakor takes the earliest whose stage ends after the meeting, this test's
    form.put("conveningAgency", "KESBANGPOL");
    EngineUsers.actAs(identity, "kesbangpolpalopo");
    try {
      return forms.submitStartForm(repository.createProcessDefinitionQuery().processDefinitionKey(RAKOR)
          .latestVersion().singleResult().getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, Object> scheduleForm(String meetingAt) {
    Map<String, Object> form = new HashMap<>();
    form.put("title", "Rakor kesiapan masa tenang Kota Palopo");
    form.put("meetingAt", meetingAt);
    form.put("venue", "Aula Kantor Wali Kota Palopo");
    form.put("agenda", "1. Kesiapan masa tenang\n2. Laporan instansi");
    form.put("invitedAgencies", SpinValues.jsonValue("[\"POLRI\",\"KPU\",\"BAWASLU\",\"TNI\",\"PEMDA\",\"KEJAKSAAN\",\"KESBANGPOL\"]").create());
    return form;
  }

  static Map<String, Object> held(String actionItemDue) {
    Map<String, Object> form = new HashMap<>();
    form.put("meetingOutcome", "DILAKSANAKAN");
    form.put("attendance", SpinValues.jsonValue("[\"KESBANGPOL\",\"POLRI\",\"KPU\"]").create());
    form.put("minutes", "Semua instansi menyampaikan kesiapan masa tenang.");
    form.put("actionItem1Description", "Patroli gabungan penertiban alat peraga");
    form.put("actionItem1Owner", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"POLRI\"]").create());
    form.put("actionItem1Due", actionItemDue);
    return form;
  }

  void submit(Task task, String user, Map<String, Object> form) {
    EngineUsers.actAs(identity, user);
    try {
      forms.submitTaskForm(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  Task scheduleTask(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ScheduleRakorTask").singleResult();
  }

  Task outcomeTask(ProcessInstance rakor) {
    return tasks.createTaskQuery().processInstanceId(rakor.getId()).taskDefinitionKey("RecordMeetingOutcomeTask")
        .singleResult();
  }

  ProcessInstance rakorOf(String election) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(RAKOR).variableValueEquals("electionId", election)
        .singleResult();
  }

  List<String> waitingFor(ProcessInstance pi) {
    return runtime.createEventSubscriptionQuery().processInstanceId(pi.getId()).eventType("message").list().stream()
        .map(s -> s.getEventName()).toList();
  }

  boolean passed(ProcessInstance pi, String activity) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activity)
        .finished().count() > 0;
  }

  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .toList();
  }

  void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static Instant local(LocalDate date, int hour) {
    return ZonedDateTime.of(date, LocalTime.of(hour, 0), WITA).toInstant();
  }
}
