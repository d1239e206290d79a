package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.ElectionCalendar;
import id.siaga.calendar.Elections;
import id.siaga.calendar.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code regional-readiness} walking a whole election calendar with the engine clock: Kabupaten
 * Malang (WIB) and Kota Jayapura (WIT), each stage's readiness starting at its window in local time.
 */
@SiagaSpringBootTest
class RegionalReadinessProcessTest {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 10, 20);

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  String electionId;
  ElectionCalendar calendar;

  /** The longest lead of each stage's workstreams at the regency/city level (stage-workstreams.dmn). */
  static final Map<String, Integer> LEAD = new LinkedHashMap<>();

  static {
    List.of("pembentukan-badan-adhoc", "pemutakhiran-data-pemilih", "pendaftaran-paslon", "penetapan-paslon",
        "kampanye", "masa-tenang").forEach(s -> LEAD.put(s, 7));
    LEAD.put("pemungutan-suara", 16);
    LEAD.put("penghitungan-rekapitulasi", 3);
    LEAD.put("perselisihan-hasil", 3);
  }

  @BeforeEach
  void setUp() {
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    calendar = elections.calendarOf(electionId);
    at(ZonedDateTime.of(calendar.stages().get(0).start().minusDays(30), LocalTime.of(9, 0), WIB).toInstant());
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    for (String key : List.of("regional-readiness", "stage-readiness", "patrol-assignment", "logistics-distribution",
        "tps-security-plan", "reinforcement-request")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    for (String table : List.of("siaga_regional_readiness", "siaga_stage_readiness", "siaga_patrol_situation",
        "siaga_patrol_stage", "siaga_guard_plan", "siaga_reinforcement", "siaga_logistics_leg")) {
      jdbc.update("delete from " + table);
    }
  }

  @Test
  void kabupatenMalangWalksEveryStageAndEachReadinessStartsAtItsWindowInWib() {
    ProcessInstance pi = start("35.07");
    assertThat(pi.getBusinessKey()).isEqualTo(electionId + ":35.07");
    Map<String, Instant> expected = windows(WIB);
    assertThat(expected).hasSize(9);
    assertThat(timers(pi)).containsExactlyInAnyOrderElementsOf(expected.values());
    // the windows worked out once, visible in Cockpit as one JSON text
    org.camunda.spin.json.SpinJsonNode windows = org.camunda.spin.Spin.JSON((String) runtime.getVariable(pi.getId(),
        "stageWindows"));
    expected.forEach((stage, at) -> assertThat(windows.prop(stage).stringValue()).isEqualTo(at.toString()));

    // the first window: stage readiness of the ad-hoc bodies' formation starts, exactly then
    String first = "pembentukan-badan-adhoc";
    runJobsAt(pi, expected.get(first));
    assertThat(stageReadiness(first)).isOne();
    assertThat(stageReadiness("pemutakhiran-data-pemilih")).isZero();
    assertThat(jdbc.queryForObject("select started_at from siaga_stage_readiness where stage_code = ?",
        java.sql.Timestamp.class, first).toInstant()).isEqualTo(expected.get(first).plusSeconds(1));
    // the voting stage's window: H-16 00:00 WIB, when the outbound leg must start
    assertThat(expected.get("pemungutan-suara"))
        .isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(16), LocalTime.MIDNIGHT, WIB).toInstant());
    runJobsAt(pi, expected.get("pemungutan-suara").minusSeconds(60));
    assertThat(stageReadiness("pemungutan-suara")).isZero();
    runJobsAt(pi, expected.get("pemungutan-suara"));
    assertThat(stageReadiness("pemungutan-suara")).isOne();
    assertThat(jdbc.queryForObject("select workstreams from siaga_stage_readiness where stage_code = ?", String.class,
        "pemungutan-suara")).isEqualTo("patrol-assignment,logistics-distribution,tps-security-plan,coordination-meeting");
    // by H-16 the five stages before the campaign's end and the voting stage have started their readiness, once
    // each; the quiet period's window (its start H-3, minus 7 days) is still to come
    assertThat(jdbc.queryForObject("select count(*) from siaga_stage_readiness", Integer.class)).isEqualTo(6);
    assertThat(stageReadiness("masa-tenang")).isZero();

    assertThatThrownBy(() -> start("35.07")).hasMessageContaining("sudah dimulai");
  }

  @Test
  void kotaJayapurasWindowsAreWitInstantsAndAStartLateInTheCalendarSkipsWhatHasEnded() {
    Instant votingWindow = ZonedDateTime.of(VOTING_DAY.minusDays(16), LocalTime.MIDNIGHT, WIT).toInstant();
    ProcessInstance early = start("91.71");
    assertThat(timers(early)).containsExactlyInAnyOrderElementsOf(windows(WIT).values())
        .contains(votingWindow);
    assertThat(votingWindow).isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(16), LocalTime.MIDNIGHT, WIB)
        .toInstant().minus(Duration.ofHours(2)));
    runtime.deleteProcessInstance(early.getId(), "test");
    jdbc.update("delete from siaga_regional_readiness");

    // started during the campaign: the stages not yet ended, the formation of the ad-hoc bodies (which runs
    // until three weeks before voting) and the campaign with their windows passed (at once), and what follows
    Stage campaign = calendar.stage("kampanye").orElseThrow();
    at(ZonedDateTime.of(campaign.start().plusDays(10), LocalTime.NOON, WIT).toInstant());
    ProcessInstance late = start("91.71");
    assertThat(jdbc.queryForObject("select stages from siaga_regional_readiness", String.class))
        .isEqualTo("pembentukan-badan-adhoc,kampanye,masa-tenang,pemungutan-suara,penghitungan-rekapitulasi,"
            + "perselisihan-hasil");
    assertThat(timers(late)).hasSize(6).filteredOn(t -> t.equals(ClockUtil.getCurrentTime().toInstant())).hasSize(2);
  }

  @Test
  void onlyRaceRegionsAndKnownElectionsAreWalked() {
    assertThatThrownBy(() -> start("35.07.01")).hasMessageContaining("bukan wilayah penyelenggara");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("regional-readiness", Variables.createVariables()
        .putValue("regionCode", "35.07").putValue("electionId", "pilpres-2029"))).hasMessageContaining("tidak dikenal");
    assertThat(jdbc.queryForObject("select count(*) from siaga_regional_readiness", Integer.class)).isZero();
  }

  // ------------------------------------------------------------------ helpers

  Map<String, Instant> windows(ZoneId zone) {
    Map<String, Instant> windows = new LinkedHashMap<>();
    for (Stage stage : calendar.stages()) {
      windows.put(stage.code(), ZonedDateTime.of(stage.start(), LocalTime.MIDNIGHT, zone).toInstant()
          .minus(Duration.ofDays(LEAD.get(stage.code()))));
    }
    return windows;
  }

  ProcessInstance start(String regionCode) {
    return runtime.startProcessInstanceByKey("regional-readiness", Variables.createVariables()
        .putValue("regionCode", regionCode).putValue("electionId", electionId));
  }

  List<Instant> timers(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
        .map(j -> j.getDuedate().toInstant()).toList();
  }

  long stageReadiness(String stageCode) {
    return jdbc.queryForObject("select count(*) from siaga_stage_readiness where election_id = ? and stage_code = ?",
        Long.class, electionId, stageCode);
  }

  /** Runs the walk's own jobs (timers, the asynchronous calls) due a second after {@code instant}. */
  void runJobsAt(ProcessInstance pi, Instant instant) {
    at(instant.plusSeconds(1));
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
}
