package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code stage-readiness} on the whole application: Kota Palopo's voting stage starting its
 * patrols, outbound logistics and TPS guard plan; the coordinator's three declarations; a missing
 * declaration climbing to the province and Kemendagri; a province race. The engine clock is
 * driven; nothing sleeps.
 */
@SiagaSpringBootTest
class StageReadinessProcessTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 8, 18);
  static final String PALOPO = "73.73";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired ReadinessRepository records;
  @Autowired Elections elections;
  @Autowired MailBatches batches;
  @Autowired DevMailServer mailServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService historyService;

  String electionId;

  @BeforeEach
  void setUp() {
    at(VOTING_DAY.minusDays(20), 8);
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    mailServer.start();
    mailServer.purge();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    for (String key : List.of("stage-readiness", "patrol-assignment", "logistics-distribution", "tps-security-plan",
        "reinforcement-request")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    for (String table : List.of("siaga_stage_readiness", "siaga_patrol_situation", "siaga_patrol_stage",
        "siaga_guard_plan", "siaga_reinforcement", "siaga_logistics_leg")) {
      jdbc.update("delete from " + table);
    }
  }

  @Test
  void theVotingStageOfACityStartsItsWorkstreamsAndItsCoordinatorDeclaresItReady() {
    ProcessInstance pi = start(PALOPO, "pemungutan-suara");
    StageReadinessRecord record = records.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(pi.getBusinessKey()).isEqualTo(electionId + ":73.73:pemungutan-suara").isEqualTo(record.readinessId());
    assertThat(record.workstreams()).containsExactly("patrol-assignment", "logistics-distribution", "tps-security-plan",
        "coordination-meeting");
    assertThat(record.stageStartsAt()).isEqualTo(local(VOTING_DAY, 0));
    // the call activities start their processes in their own transactions
    run(pi, local(VOTING_DAY.minusDays(20), 8));
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list())
        .extracting(p -> p.getProcessDefinitionId().split(":")[0])
        .containsExactlyInAnyOrder("patrol-assignment", "logistics-distribution", "tps-security-plan");
    assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("logistics-distribution").singleResult().getId(), "direction")).isEqualTo("OUTBOUND");
    // the declaration opens three days before the stage, with the workstreams as they then stand
    assertThat(declaration(pi)).isNull();
    run(pi, local(VOTING_DAY.minusDays(3), 0));
    Task declare = declaration(pi);
    assertThat(groups(declare)).containsExactly("kesbangpol7373");
    assertThat(declare.getDueDate().toInstant()).isEqualTo(local(VOTING_DAY.minusDays(1), 18));
    // the due instants are worked out from the record, not kept in variables
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("declarationDueAt", "rakorScheduleDueAt").count()).isZero();
    assertThat((String) tasks.getVariable(declare.getId(), "readinessSummary"))
        .contains("Patroli: penugasan lengkap 0 dari 9 kecamatan")
        .contains("Distribusi logistik ke TPS: berjalan; kecamatan yang semua TPS-nya sudah menerima 0 dari 9")
        .contains("Pengamanan TPS: belum ditetapkan")
        .contains("Rakor: belum dijadwalkan").contains("Laporan kerawanan");

    forms.submitTaskForm(declare.getId(), Map.of("declaration", "SIAP"));
    StageReadinessRecord declared = records.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(declared.declaration()).isEqualTo(Declaration.SIAP);
    assertThat(declared.summary()).contains("Patroli:");
    run(pi, local(VOTING_DAY.minusDays(3), 1));
    assertThat(subjects()).noneMatch(s -> s.contains("Belum siap"));
    // the stage's readiness lives on with its workstreams
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
  }

  @Test
  void aDeclarationWithNotesIsRecordedAndBelumSiapTellsTheLevelAboveAndTheNationalDeskAtOnce() throws Exception {
    ProcessInstance city = start(PALOPO, "masa-tenang");
    run(city, local(VOTING_DAY.minusDays(6), 0));
    Task declare = declaration(city);
    assertThatThrownBy(() -> forms.submitTaskForm(declare.getId(), Map.of("declaration", "SIAP_DENGAN_CATATAN")))
        .hasMessageContaining("Catatan wajib diisi");
    assertThatThrownBy(() -> forms.submitTaskForm(declare.getId(), Map.of("declaration", "MUNGKIN")))
        .hasMessageContaining("Pernyataan");
    forms.submitTaskForm(declare.getId(), Map.of("declaration", "SIAP_DENGAN_CATATAN",
        "declarationNotes", "Patroli kecamatan Telluwanua belum lengkap"));
    assertThat(records.findByProcessInstance(city.getId()).orElseThrow().declarationNotes())
        .isEqualTo("Patroli kecamatan Telluwanua belum lengkap");

    // the province's own race: coordination only (its Rakor); belum siap goes to Kemendagri and the desk
    ProcessInstance province = start("73", "pemungutan-suara");
    assertThat(records.findByProcessInstance(province.getId()).orElseThrow().workstreams())
        .containsExactly("coordination-meeting");
    assertThat(tasks.createTaskQuery().processInstanceId(province.getId()).taskDefinitionKey("ScheduleRakorTask")
        .taskCandidateGroup("kesbangpol73").count()).isOne();
    run(province, local(VOTING_DAY.minusDays(3), 0));
    Task provincial = declaration(province);
    assertThat(groups(provincial)).containsExactly("kesbangpol73");
    assertThatThrownBy(() -> forms.submitTaskForm(provincial.getId(), Map.of("declaration", "BELUM_SIAP")))
        .hasMessageContaining("Catatan wajib diisi");
    forms.submitTaskForm(provincial.getId(), Map.of("declaration", "BELUM_SIAP",
        "declarationNotes", "Logistik tiga kabupaten belum tiba"));
    run(province, local(VOTING_DAY.minusDays(3), 1));
    assertThat(management.createJobQuery().processInstanceId(province.getId()).withException().list()).isEmpty();
    MimeMessage notice = mail("[Siaga Pilkada] Belum siap: tahapan Pemungutan suara – Sulawesi Selatan");
    assertThat(notice.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .contains("desknasional@siaga.demo");
    assertThat(notice.getRecipients(Message.RecipientType.CC)).extracting(Object::toString)
        .containsExactly("kesbangpolsulsel@siaga.demo");
    // declared; the province readiness now waits only for its Rakor (StageRakorLinkTest)
    assertThat(runtime.getActiveActivityIds(province.getId())).containsExactly("ScheduleRakorTask");
  }

  @Test
  void noDeclarationByTheStageStartClimbsToTheProvinceThenKemendagri() {
    ProcessInstance pi = start(PALOPO, "masa-tenang");
    Instant due = local(VOTING_DAY.minusDays(4), 18);
    run(pi, due.minus(Duration.ofDays(1)));
    assertThat(declaration(pi).getDueDate().toInstant()).isEqualTo(due);
    run(pi, due.plus(Duration.ofHours(6)));   // the stage starts: H-3 00:00 WITA
    assertThat(groups(declaration(pi))).containsExactlyInAnyOrder("kesbangpol7373", "kesbangpol73");
    run(pi, due.plus(Duration.ofHours(12)));
    assertThat(groups(declaration(pi)))
        .containsExactlyInAnyOrder("kesbangpol7373", "kesbangpol73", "kemendagri", "desknasional");
    assertThat(subjects()).anyMatch(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 1"));
  }

  @Test
  void aReadinessStartedDuringItsStageGetsADayToDeclare() {
    at(VOTING_DAY.minusDays(2), 10);   // the quiet period started yesterday
    ProcessInstance pi = start(PALOPO, "masa-tenang");
    run(pi, local(VOTING_DAY.minusDays(2), 10));
    assertThat(declaration(pi).getDueDate().toInstant()).isEqualTo(local(VOTING_DAY.minusDays(1), 10).plusSeconds(0));
  }

  @Test
  void workAlreadyStartedIsNotStartedTwiceAndBadStartsAreRefused() {
    runtime.startProcessInstanceByKey("patrol-assignment", Variables.createVariables().putValue("regionCode", PALOPO)
        .putValue("stageCode", "masa-tenang").putValue("electionId", electionId));
    ProcessInstance pi = start(PALOPO, "masa-tenang");
    assertThat(records.findByProcessInstance(pi.getId()).orElseThrow().workstreams()).containsExactly("coordination-meeting");
    run(pi, local(VOTING_DAY.minusDays(20), 9));
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
    assertThat(management.createJobQuery().withException().count()).isZero();

    assertThatThrownBy(() -> start(PALOPO, "masa-tenang")).hasMessageContaining("sudah dimulai");
    assertThatThrownBy(() -> start("73.73.01", "masa-tenang")).hasMessageContaining("bukan wilayah penyelenggara");
    assertThatThrownBy(() -> start(PALOPO, "pilpres")).hasMessageContaining("Tahapan pilpres tidak ada");
    assertThat(jdbc.queryForObject("select count(*) from siaga_stage_readiness", Integer.class)).isOne();
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance start(String regionCode, String stageCode) {
    return runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", regionCode).putValue("stageCode", stageCode).putValue("electionId", electionId));
  }

  Task declaration(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("DeclareReadinessTask").singleResult();
  }

  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .toList();
  }

  /** Runs the jobs of the instance itself (not of the workstreams it started) due a second after {@code instant}. */
  void run(ProcessInstance pi, Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(1)));
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(61)));
    batches.sendReady();
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(1)));
  }

  static void at(LocalDate date, int hour) {
    ClockUtil.setCurrentTime(Date.from(local(date, hour)));
  }

  static Instant local(LocalDate date, int hour) {
    return ZonedDateTime.of(date, LocalTime.of(hour, 0), WITA).toInstant();
  }

  List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : mailServer.received()) {
      try {
        subjects.add(m.getSubject());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return subjects;
  }

  MimeMessage mail(String subjectStart) throws Exception {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage m : mailServer.received()) {
      if (m.getSubject().startsWith(subjectStart)) {
        matching.add(m);
      }
    }
    assertThat(matching).as("mails starting with '%s' among %s", subjectStart, subjects()).hasSize(1);
    return matching.get(0);
  }
}
