package id.siaga.patrol;

import static id.siaga.patrol.PatrolDriver.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code patrol-assignment} (and the BKO request it calls) on the whole
 * application: Kota Palopo (WITA) and Kabupaten Malang (WIB), real mails to the embedded SMTP
 * server, the engine clock driven through whole stage windows; nothing sleeps.
 */
@SiagaSpringBootTest
class PatrolAssignmentProcessTest {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 6, 9);
  static final String PALOPO = "73.73";
  static final String MALANG = "35.07";

  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired PatrolRepository records;
  @Autowired RegionRepository regions;
  @Autowired Elections elections;
  @Autowired MailBatches batches;
  @Autowired DevMailServer mailServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  PatrolDriver driver;
  String electionId;

  @BeforeEach
  void setUp() {
    at(VOTING_DAY.minusDays(5), 8, WITA);
    driver = new PatrolDriver(runtime, taskService, forms, management);
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    mailServer.start();
    mailServer.purge();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    PatrolDriver.clearAll(runtime, jdbc);
    // the early-warning reports a rawan situation filed
    id.siaga.earlywarning.ReportTestData.clear(runtime, jdbc);
  }

  // ------------------------------------------------------------------ paths

  @Test
  void jointPatrolsOfTheQuietPeriodRunFromThePlanThroughEveryReportToTheSummary() throws Exception {
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    assertThat(pi.getBusinessKey()).isEqualTo(stage.stagePlanId()).matches("patroli-[0-9a-f]{20}");
    Instant windowStart = local(VOTING_DAY.minusDays(3), 0, WITA);
    Instant windowEnd = local(VOTING_DAY, 0, WITA);
    assertThat(stage.windowStart()).isEqualTo(windowStart);
    assertThat(stage.windowEnd()).isEqualTo(windowEnd);
    assertThat(stage.reportIntervalHours()).isEqualTo(12);
    assertThat(stage.reportCount()).isEqualTo(6);
    // Palopo and its kecamatan are sedang (the import's default): the quiet period's row, joint with TNI
    List<PatrolDistrict> districts = records.districts(stage.stagePlanId());
    assertThat(districts).hasSize(regions.findChildren(PALOPO).size()).hasSizeGreaterThan(5);
    assertThat(districts).allSatisfy(d -> {
      assertThat(d.plan()).isEqualTo(new PlanRow(3, true, 12, 4));
      assertThat(d.tableVersion()).startsWith("patrol-plan v");
    });

    Task review = driver.task(pi, "ReviewPlanTask");
    assertThat(driver.groups(review)).containsExactly("polri7373");
    assertThat(review.getDueDate().toInstant()).isEqualTo(local(VOTING_DAY.minusDays(4), 0, WITA));
    assertThat((String) taskService.getVariable(review.getId(), "planText"))
        .contains("3 patroli/hari × 4 personel Polri, gabungan dengan TNI")
        .contains("Jumlah personel Polri yang dibutuhkan per hari: " + districts.size() * 12);
    driver.submit(review, PatrolDriver.review(500));
    assertThat(driver.tasks(pi, "DecideReinforcementTask")).isEmpty();
    assertThat(records.findStage(stage.stagePlanId()).orElseThrow().personnelNeeded()).isEqualTo(districts.size() * 12);

    // joint: Polres, Kodim and Pemda each name their part of every kecamatan
    assertThat(driver.tasks(pi, "AssignPatrolTeamTask")).hasSize(districts.size())
        .allSatisfy(t -> assertThat(driver.groups(t)).containsExactly("polri7373"))
        .allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(windowStart));
    assertThat(driver.tasks(pi, "AssignTniElementTask")).hasSize(districts.size())
        .allSatisfy(t -> assertThat(driver.groups(t)).containsExactly("tni7373"));
    assertThat(driver.tasks(pi, "ConfirmPemdaSupportTask")).hasSize(districts.size())
        .allSatisfy(t -> assertThat(driver.groups(t)).containsExactly("pemda7373"));
    Task team = driver.tasks(pi, "AssignPatrolTeamTask").get(0);
    assertThat((String) taskService.getVariable(team.getId(), "title")).startsWith("Kecamatan ");
    driver.assignEverything(pi, records);
    assertThat(records.districts(stage.stagePlanId())).allSatisfy(d -> {
      assertThat(d.assigned()).isTrue();
      assertThat(d.teamPersonnel()).isEqualTo(12);
      assertThat(d.tniElement()).startsWith("Babinsa");
      assertThat(d.linmasPersonnel()).isEqualTo(10);
    });
    assertThat(driver.tasks(pi, "FileSituationReportTask")).as("no report before the window opens").isEmpty();

    List<Instant> dues = driver.fileEveryReportAsItOpens(pi, windowStart, windowEnd, hours(12));
    assertThat(dues).containsExactly(windowStart.plus(hours(12)), windowStart.plus(hours(24)),
        windowStart.plus(hours(36)), windowStart.plus(hours(48)), windowStart.plus(hours(60)), windowEnd);
    sendBatches();

    assertThat(driver.ended(pi)).isTrue();
    StagePatrol closed = records.findStage(stage.stagePlanId()).orElseThrow();
    assertThat(closed.open()).isFalse();
    assertThat(closed.closedAt()).isEqualTo(windowEnd.plusSeconds(1));
    assertThat(records.reports(stage.stagePlanId())).hasSize(6)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(PatrolReport.Status.FILED))
        .noneMatch(PatrolReport::late);
    MimeMessage summary = mail("[Siaga Pilkada] Ringkasan patroli tahapan Masa tenang – Kota Palopo");
    assertThat(summary.getAllRecipients()).extracting(Object::toString)
        .containsExactlyInAnyOrder("polrespalopo@siaga.demo", "kesbangpolpalopo@siaga.demo");
    assertThat(text(summary)).contains("6 jatuh tempo, 6 dikirim, 0 terlambat, 0 tidak dikirim")
        .contains("Penugasan lengkap: " + districts.size() + " dari " + districts.size() + " kecamatan")
        .contains("BKO: tidak diminta").contains("6/0/0, 0 dengan insiden");
    assertThat(mailServer.received()).extracting(PatrolAssignmentProcessTest::subject)
        .noneMatch(s -> s.contains("Situasi rawan"));
  }

  @Test
  void recurringReportsOpenEachIntervalAndFallDueAtTheRightLocalInstantsInWibAndWita() {
    // Kabupaten Malang (WIB), rated tinggi: the quiet period's high-band row, a report every 12 h
    ProcessInstance malang = driver.startPatrols(MALANG, "masa-tenang", electionId);
    StagePatrol malangStage = records.findStageByProcessInstance(malang.getId()).orElseThrow();
    assertThat(records.districts(malangStage.stagePlanId())).hasSize(33)
        .allSatisfy(d -> assertThat(d.plan()).isEqualTo(new PlanRow(4, true, 12, 6)));
    driver.submit(driver.task(malang, "ReviewPlanTask"), PatrolDriver.review(5000));
    List<Instant> malangDues = driver.fileEveryReportAsItOpens(malang, local(VOTING_DAY.minusDays(3), 0, WIB),
        local(VOTING_DAY, 0, WIB), hours(12));
    assertThat(malangDues).hasSize(6);
    assertThat(malangDues.stream().map(i -> i.atZone(WIB).toLocalTime()).distinct())
        .containsExactlyInAnyOrder(LocalTime.NOON, LocalTime.MIDNIGHT);
    assertThat(malangDues.get(0)).isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.NOON, WIB).toInstant());
    assertThat(malangDues.get(5)).isEqualTo(ZonedDateTime.of(VOTING_DAY, LocalTime.MIDNIGHT, WIB).toInstant());
    assertThat(records.reports(malangStage.stagePlanId())).hasSize(6);

    // Kota Palopo (WITA) on voting day: every 6 h, at 06:00, 12:00, 18:00 and 24:00 WITA
    at(VOTING_DAY.minusDays(1), 8, WITA);
    ProcessInstance palopo = driver.startPatrols(PALOPO, "pemungutan-suara", electionId);
    StagePatrol palopoStage = records.findStageByProcessInstance(palopo.getId()).orElseThrow();
    assertThat(palopoStage.reportIntervalHours()).isEqualTo(6);
    driver.submit(driver.task(palopo, "ReviewPlanTask"), PatrolDriver.review(5000));
    List<Instant> palopoDues = driver.fileEveryReportAsItOpens(palopo, local(VOTING_DAY, 0, WITA),
        local(VOTING_DAY.plusDays(1), 0, WITA), hours(6));
    assertThat(palopoDues).containsExactly(local(VOTING_DAY, 6, WITA), local(VOTING_DAY, 12, WITA),
        local(VOTING_DAY, 18, WITA), local(VOTING_DAY.plusDays(1), 0, WITA));
    // the same wall-clock hour is an hour earlier in WITA than in WIB
    assertThat(local(VOTING_DAY, 6, WITA)).isEqualTo(local(VOTING_DAY, 5, WIB));
    assertThat(driver.ended(malang)).isTrue();
    assertThat(driver.ended(palopo)).isTrue();
  }

  @Test
  void patrolsStartedMidWindowReportOnlyThePeriodsStillToCome() {
    at(VOTING_DAY.minusDays(2), 9, WITA);
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    assertThat(stage.reportCount()).isEqualTo(4);
    // the review gets half a day, the assignments a day after it
    Task review = driver.task(pi, "ReviewPlanTask");
    assertThat(review.getDueDate().toInstant()).isEqualTo(local(VOTING_DAY.minusDays(2), 21, WITA));
    driver.submit(review, PatrolDriver.review(5000));
    assertThat(driver.tasks(pi, "AssignPatrolTeamTask").get(0).getDueDate().toInstant())
        .isEqualTo(local(VOTING_DAY.minusDays(1), 9, WITA));
    // the period running now opens at once, due at its end
    driver.runJobsAt(pi, local(VOTING_DAY.minusDays(2), 9, WITA));
    Task first = driver.task(pi, "FileSituationReportTask");
    assertThat(first.getDueDate().toInstant()).isEqualTo(local(VOTING_DAY.minusDays(2), 12, WITA));
    assertThat((String) taskService.getVariable(first.getId(), "title")).startsWith("Laporan situasi ke-3 dari 6");
  }

  @Test
  void policeOnlyPlanWithAnOverrideAndABkoRequestThatPoldaGrantsInFull() {
    // pendaftaran pasangan calon: the default row, police only, 1 patrol of 2 a day
    LocalDate registration = VOTING_DAY.minusDays(92);
    at(registration.minusDays(4), 8, WITA);
    ProcessInstance pi = driver.startPatrols(PALOPO, "pendaftaran-paslon", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    List<PatrolDistrict> districts = records.districts(stage.stagePlanId());
    assertThat(districts).allSatisfy(d -> assertThat(d.plan()).isEqualTo(new PlanRow(1, false, 12, 2)));
    String hotspot = districts.get(0).districtCode();

    Map<String, Object> review = new HashMap<>();
    review.putAll(PatrolDriver.override(List.of(hotspot), 2, 3, true, "Dua kubu pendukung berkumpul di kantor KPU"));
    review.put("personnelAvailable", 4);
    driver.submit(driver.task(pi, "ReviewPlanTask"), review);
    int needed = (districts.size() - 1) * 2 + 6;
    PatrolDistrict overridden = records.district(stage.stagePlanId(), hotspot).orElseThrow();
    assertThat(overridden.plan()).isEqualTo(new PlanRow(2, true, 12, 3));
    assertThat(overridden.table()).isEqualTo(new PlanRow(1, false, 12, 2));
    assertThat(overridden.overrideReason()).isEqualTo("Dua kubu pendukung berkumpul di kantor KPU");

    // the shortfall goes to Polda as a BKO request; the assignments wait for the decision
    Task decide = driver.task(pi, "DecideReinforcementTask");
    assertThat(driver.groups(decide)).containsExactly("polri73");
    assertThat(decide.getDueDate().toInstant()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(hours(24)));
    assertThat((String) taskService.getVariable(decide.getId(), "requestText"))
        .contains("meminta " + (needed - 4) + " personel BKO untuk patroli tahapan");
    assertThat(driver.tasks(pi, "AssignPatrolTeamTask")).isEmpty();
    driver.submit(decide, Map.of("decision", "PENUH"));
    Reinforcement bko = records.reinforcementOf(stage.stagePlanId()).orElseThrow();
    assertThat(bko.decision()).isEqualTo(Reinforcement.Decision.PENUH);
    assertThat(bko.granted()).isEqualTo(needed - 4);
    assertThat(bko.needed()).isEqualTo(needed);

    // police only, except the overridden kecamatan, which is now joint
    assertThat(driver.tasks(pi, "AssignPatrolTeamTask")).hasSize(districts.size());
    assertThat(driver.tasks(pi, "AssignTniElementTask")).singleElement()
        .satisfies(t -> assertThat(taskService.getVariable(t.getId(), "districtCode")).isEqualTo(hotspot));
    // a team smaller than planned needs a reason
    Task team = driver.task(pi, "AssignPatrolTeamTask", hotspot);
    assertThatThrownBy(() -> driver.submit(team, PatrolDriver.team(4)))
        .hasMessageContaining("Personel 4 kurang dari rencana 6").hasMessageContaining("alasan wajib diisi");
    assertThat(records.district(stage.stagePlanId(), hotspot).orElseThrow().teamAt()).isNull();
    driver.submit(team, Map.of("teamLeader", "IPDA Rudi", "teamPersonnel", 4, "teamReason", "Dua personel sakit"));
    assertThat(records.district(stage.stagePlanId(), hotspot).orElseThrow().teamReason()).isEqualTo("Dua personel sakit");
  }

  @Test
  void poldaRefusesABkoRequestWithAReasonOrGrantsPartOfIt() {
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    driver.submit(driver.task(pi, "ReviewPlanTask"), PatrolDriver.review(10));
    Task decide = driver.task(pi, "DecideReinforcementTask");
    int requested = records.reinforcementOf(stage.stagePlanId()).orElseThrow().requested();
    assertThatThrownBy(() -> driver.submit(decide, Map.of("decision", "DITOLAK")))
        .hasMessageContaining("Alasan wajib diisi");
    assertThatThrownBy(() -> driver.submit(decide, Map.of("decision", "SEBAGIAN", "grantedPersonnel", requested,
        "decisionReason", "Personel terbatas"))).hasMessageContaining("harus antara 1 dan " + (requested - 1));
    assertThat(records.reinforcementOf(stage.stagePlanId()).orElseThrow().decision()).isNull();
    driver.submit(decide, Map.of("decision", "DITOLAK", "decisionReason", "Seluruh personel Polda di-BKO ke Makassar"));
    Reinforcement refused = records.reinforcementOf(stage.stagePlanId()).orElseThrow();
    assertThat(refused.decision()).isEqualTo(Reinforcement.Decision.DITOLAK);
    assertThat(refused.granted()).isZero();
    assertThat(refused.reason()).isEqualTo("Seluruh personel Polda di-BKO ke Makassar");
    assertThat(driver.tasks(pi, "AssignPatrolTeamTask")).isNotEmpty();

    // another region, part of the request granted
    ProcessInstance malang = driver.startPatrols(MALANG, "masa-tenang", electionId);
    StagePatrol malangStage = records.findStageByProcessInstance(malang.getId()).orElseThrow();
    driver.submit(driver.task(malang, "ReviewPlanTask"), PatrolDriver.review(100));
    Task partly = driver.task(malang, "DecideReinforcementTask");
    assertThat(driver.groups(partly)).containsExactly("polri35");
    driver.submit(partly, Map.of("decision", "SEBAGIAN", "grantedPersonnel", 50, "decisionReason", "Sisanya dari Polres tetangga"));
    assertThat(records.reinforcementOf(malangStage.stagePlanId()).orElseThrow().granted()).isEqualTo(50);
  }

  @Test
  void lateAssignmentsClimbEachAgencysOwnChain() {
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    driver.submit(driver.task(pi, "ReviewPlanTask"), PatrolDriver.review(5000));
    Instant due = local(VOTING_DAY.minusDays(3), 0, WITA);
    String kecamatan = (String) taskService.getVariable(driver.tasks(pi, "AssignPatrolTeamTask").get(0).getId(),
        "districtCode");
    run(pi, due.plus(hours(24)));
    assertThat(driver.groups(driver.task(pi, "AssignPatrolTeamTask", kecamatan)))
        .containsExactlyInAnyOrder("polri7373", "polri73");
    assertThat(driver.groups(driver.task(pi, "AssignTniElementTask", kecamatan)))
        .containsExactlyInAnyOrder("tni7373", "tni73");
    assertThat(driver.groups(driver.task(pi, "ConfirmPemdaSupportTask", kecamatan)))
        .containsExactlyInAnyOrder("pemda7373", "pemda73");
    run(pi, due.plus(hours(48)));
    assertThat(driver.groups(driver.task(pi, "AssignPatrolTeamTask", kecamatan)))
        .containsExactlyInAnyOrder("polri7373", "polri73", "mabespolri", "desknasional");
    assertThat(driver.groups(driver.task(pi, "AssignTniElementTask", kecamatan)))
        .containsExactlyInAnyOrder("tni7373", "tni73", "kodam14", "desknasional");
    assertThat(driver.groups(driver.task(pi, "ConfirmPemdaSupportTask", kecamatan)))
        .containsExactlyInAnyOrder("pemda7373", "pemda73", "kemendagri", "desknasional");
    assertThat(subjects()).anyMatch(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 1"))
        .anyMatch(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 2"));
  }

  @Test
  void aMissingReportIsRemindedThenEscalatedAndCountedAsMissedWhenTheWindowCloses() throws Exception {
    at(VOTING_DAY.minusDays(1), 8, WITA);
    ProcessInstance pi = driver.startPatrols(PALOPO, "pemungutan-suara", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    driver.submit(driver.task(pi, "ReviewPlanTask"), PatrolDriver.review(5000));
    driver.assignEverything(pi, records);
    Instant due = local(VOTING_DAY, 6, WITA);
    run(pi, local(VOTING_DAY, 0, WITA));
    Task report = driver.task(pi, "FileSituationReportTask");
    assertThat(report.getDueDate().toInstant()).isEqualTo(due);
    run(pi, due.minus(hours(1)));
    assertThat(mail("[Siaga Pilkada] Pengingat").getAllRecipients()).extracting(Object::toString)
        .containsExactly("polrespalopo@siaga.demo");
    run(pi, due);
    mail("[Siaga Pilkada] Terlambat");
    run(pi, due.plus(hours(2)));
    assertThat(driver.groups(driver.tasks(pi, "FileSituationReportTask").get(0)))
        .containsExactlyInAnyOrder("polri7373", "polri73");
    run(pi, due.plus(hours(4)));
    assertThat(driver.groups(driver.tasks(pi, "FileSituationReportTask").get(0)))
        .containsExactlyInAnyOrder("polri7373", "polri73", "mabespolri", "desknasional");
    // nothing is ever filed: at the end of the window every open report is closed as missed
    for (int h = 12; h <= 24; h += 6) {
      run(pi, local(VOTING_DAY, 0, WITA).plus(hours(h)));
    }
    assertThat(driver.ended(pi)).isTrue();
    assertThat(records.reports(stage.stagePlanId())).hasSize(4)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(PatrolReport.Status.MISSED));
    assertThat(text(mail("[Siaga Pilkada] Ringkasan patroli tahapan Pemungutan suara")))
        .contains("4 jatuh tempo, 0 dikirim, 0 terlambat, 4 tidak dikirim");
  }

  @Test
  void aRawanReportOrAnIncidentNotifiesTheCoordinatorAtOnce() throws Exception {
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    driver.submit(driver.task(pi, "ReviewPlanTask"), PatrolDriver.review(5000));
    Region wara = regions.findChildren(PALOPO).get(0);
    Instant windowStart = local(VOTING_DAY.minusDays(3), 0, WITA);
    run(pi, windowStart);
    Task first = driver.task(pi, "FileSituationReportTask");
    id.siaga.EngineUsers.actAs(identity, "polrespalopo");
    try {
      driver.submit(first, PatrolDriver.situationReport(Map.of(wara.code(), "RAWAN"), 2, List.of(wara.code())));
    } finally {
      identity.clearAuthentication();
    }
    run(pi, windowStart.plus(Duration.ofMinutes(5)));
    // the rawan kecamatan is filed as an early-warning report, for the Polres officer, to Kesbangpol's triage
    Map<String, Object> filed = jdbc.queryForMap("select district_code, category, severity, filed_by, filed_by_group,"
        + " description, status from siaga_report where region_code = ?", PALOPO);
    assertThat(filed).containsEntry("DISTRICT_CODE", wara.code()).containsEntry("CATEGORY", "GANGGUAN_KEAMANAN")
        .containsEntry("SEVERITY", "TINGGI").containsEntry("FILED_BY", "polrespalopo")
        .containsEntry("FILED_BY_GROUP", "polri7373").containsEntry("STATUS", "DITERIMA");
    assertThat((String) filed.get("DESCRIPTION")).contains("Laporan situasi patroli ke-1: Kecamatan " + wara.name()
        + " berstatus rawan.").contains("Bentrok pendukung");
    assertThat(taskService.createTaskQuery().processDefinitionKey("early-warning-report")
        .taskDefinitionKey("TriageReportTask").taskCandidateGroup("kesbangpol7373").count()).isOne();
    MimeMessage alert = mail("[Siaga Pilkada] Situasi rawan: laporan situasi ke-1 – Kota Palopo");
    assertThat(alert.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("kesbangpolpalopo@siaga.demo");
    assertThat(alert.getRecipients(jakarta.mail.Message.RecipientType.CC)).extracting(Object::toString)
        .containsExactly("polrespalopo@siaga.demo");
    assertThat(text(alert)).contains(wara.name() + ": rawan, ada insiden").contains("Insiden dalam periode ini: 2")
        .contains("Bentrok pendukung");
    assertThat(records.lastSituations(stage.stagePlanId())).containsEntry(wara.code(), Situation.RAWAN);

    // an incident in an aman kecamatan alerts too; a calm report does not
    run(pi, windowStart.plus(hours(12)));
    Task second = driver.task(pi, "FileSituationReportTask");
    driver.submit(second, PatrolDriver.situationReport(Map.of(), 1, List.of(wara.code())));
    run(pi, windowStart.plus(hours(24)));
    mail("[Siaga Pilkada] Situasi rawan: laporan situasi ke-2");
    Task third = driver.task(pi, "FileSituationReportTask");
    driver.submit(third, PatrolDriver.calmReport());
    run(pi, windowStart.plus(hours(36)));
    assertThat(subjects()).filteredOn(s -> s.contains("Situasi rawan")).hasSize(2);
    assertThat(records.lastSituations(stage.stagePlanId())).containsEntry(wara.code(), Situation.AMAN);
    assertThat(records.situationCounts(stage.stagePlanId()).get(wara.code()))
        .containsEntry(Situation.RAWAN, 1).containsEntry(Situation.AMAN, 2);
    // only the rawan kecamatan were filed: the incident in an aman kecamatan and the calm report were not
    assertThat(jdbc.queryForObject("select count(*) from siaga_report", Integer.class)).isOne();
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void badStartsAreRefusedWithAClearMessageAndStartNothing() {
    assertThatThrownBy(() -> driver.startPatrols("73.99", "masa-tenang", electionId))
        .hasMessageContaining("Kode 73.99 bukan kabupaten/kota penyelenggara Pilkada");
    assertThatThrownBy(() -> driver.startPatrols("73.73.01", "masa-tenang", electionId))
        .hasMessageContaining("bukan kabupaten/kota");
    assertThatThrownBy(() -> driver.startPatrols(PALOPO, "pemutakhiran-data-pemilih", electionId))
        .hasMessageContaining("Tahapan pemutakhiran-data-pemilih tidak memerlukan patroli");
    assertThatThrownBy(() -> driver.startPatrols(PALOPO, "<script>", electionId))
        .hasMessageContaining("tidak boleh berisi kode");
    assertThatThrownBy(() -> driver.startPatrols(PALOPO, "pendaftaran-paslon", electionId))
        .hasMessageContaining("Tahapan Pendaftaran pasangan calon sudah berakhir pada");
    driver.startPatrols(PALOPO, "masa-tenang", electionId);
    assertThatThrownBy(() -> driver.startPatrols(PALOPO, "masa-tenang", electionId))
        .hasMessageContaining("sudah dimulai").hasMessageContaining("satu kali per tahapan");
    assertThat(jdbc.queryForObject("select count(*) from siaga_patrol_stage", Integer.class)).isOne();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PatrolVariables.PATROL_PROCESS).count()).isOne();
  }

  @Test
  void badPlanReviewsAssignmentsAndReportsAreRefusedAndChangeNothing() {
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    Task review = driver.task(pi, "ReviewPlanTask");
    assertThatThrownBy(() -> driver.submit(review, Map.of("personnelAvailable", -1)))
        .hasMessageContaining("Personel yang tersedia harus antara 0 dan 10000");
    assertThatThrownBy(() -> driver.submit(review, Map.of("personnelAvailable", 10_001)))
        .hasMessageContaining("harus antara 0 dan 10000");
    assertThatThrownBy(() -> driver.submit(review, Map.of()))
        .hasMessageContaining("Personel yang tersedia wajib diisi");
    Map<String, Object> badOverride = new HashMap<>(Map.of("personnelAvailable", 10, "overrideDistricts",
        PatrolDriver.json("[\"35.07.01\",\"73.73.01\"]"), "overridePatrolsPerDay", -2, "overridePersonnelPerPatrol", 3,
        "overrideJointWithTni", "mungkin"));
    assertThatThrownBy(() -> driver.submit(review, badOverride))
        .hasMessageContaining("Kecamatan yang rencananya diubah: 35.07.01 bukan kecamatan Kota Palopo")
        .hasMessageContaining("Patroli per hari harus antara 1 dan 24")
        .hasMessageContaining("Gabungan dengan TNI harus ya atau tidak")
        .hasMessageContaining("Alasan perubahan wajib diisi");
    assertThatThrownBy(() -> driver.submit(review, Map.of("personnelAvailable", 10, "overridePatrolsPerDay", 3)))
        .hasMessageContaining("Rencana pengganti diisi, tetapi tidak ada kecamatan yang dicentang");
    assertThatThrownBy(() -> driver.submit(review, Map.of("personnelAvailable", 10,
        "reviewNotes", "<img src=x onerror=alert(1)>"))).hasMessageContaining("Catatan tidak boleh berisi kode");
    assertThat(records.districts(stage.stagePlanId())).noneMatch(PatrolDistrict::overridden);
    assertThat(records.findStage(stage.stagePlanId()).orElseThrow().reviewedAt()).isNull();
    assertThat(records.reinforcementOf(stage.stagePlanId())).isEmpty();
    driver.submit(review, PatrolDriver.review(5000));

    Task team = driver.tasks(pi, "AssignPatrolTeamTask").get(0);
    assertThatThrownBy(() -> driver.submit(team, Map.of("teamLeader", "IPTU Andi", "teamPersonnel", 501)))
        .hasMessageContaining("Jumlah personel Polri harus antara 1 dan 500");
    assertThatThrownBy(() -> driver.submit(team, Map.of("teamLeader", "IPTU Andi", "teamPersonnel", 0)))
        .hasMessageContaining("harus antara 1 dan 500");
    Task pemda = driver.tasks(pi, "ConfirmPemdaSupportTask").get(0);
    assertThatThrownBy(() -> driver.submit(pemda, Map.of("linmasPersonnel", -5, "satpolPpPersonnel", 2)))
        .hasMessageContaining("Personel Linmas harus antara 0 dan 5000");
    assertThat(records.districts(stage.stagePlanId())).noneMatch(d -> d.teamAt() != null || d.supportAt() != null);

    Instant windowStart = local(VOTING_DAY.minusDays(3), 0, WITA);
    driver.runJobsAt(pi, windowStart);
    Task report = driver.task(pi, "FileSituationReportTask");
    List<Region> kecamatan = regions.findChildren(PALOPO);
    String wara = kecamatan.get(0).code();
    Map<String, Object> wrong = new HashMap<>();
    wrong.put("rawanDistricts", PatrolDriver.json("[\"73.71.01\",\"" + wara + "\"]"));
    wrong.put("waspadaDistricts", PatrolDriver.json("[\"" + wara + "\"]"));
    wrong.put("incidents", 2);
    assertThatThrownBy(() -> driver.submit(report, wrong))
        .hasMessageContaining("Kecamatan rawan: 73.71.01 bukan kecamatan Kota Palopo")
        .hasMessageContaining("Kecamatan " + wara + " dicentang waspada dan rawan sekaligus")
        .hasMessageContaining("Uraian insiden wajib diisi")
        .hasMessageContaining("Kecamatan tempat insiden wajib dipilih bila ada insiden");
    assertThatThrownBy(() -> driver.submit(report, Map.of("incidents", -1)))
        .hasMessageContaining("Jumlah insiden harus antara 0 dan 1000");
    assertThatThrownBy(() -> driver.submit(report, Map.of()))
        .hasMessageContaining("Jumlah insiden wajib diisi");
    assertThatThrownBy(() -> driver.submit(report, Map.of("incidents", 0, "incidentDistricts",
        PatrolDriver.json("[\"" + wara + "\"]")))).hasMessageContaining("jumlah insiden 0");
    assertThatThrownBy(() -> driver.submit(report, Map.of("incidents", 0, "reportNotes", "<script>alert(1)</script>")))
        .hasMessageContaining("Catatan tidak boleh berisi kode");
    // after the window, no report is taken (the clock past its end, the closing timer not yet run)
    PatrolDriver.at(local(VOTING_DAY, 0, WITA).plusSeconds(30));
    assertThatThrownBy(() -> driver.submit(report, PatrolDriver.calmReport()))
        .hasMessageContaining("Tahapan berakhir pada").hasMessageContaining("laporan situasi tidak diterima lagi");
    assertThat(records.reports(stage.stagePlanId())).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(PatrolReport.Status.OPEN));
    assertThat(records.situations(stage.stagePlanId(), 0)).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  void run(ProcessInstance pi, Instant instant) {
    driver.runJobsAt(pi, instant);
    sendBatches();
  }

  void sendBatches() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    PatrolDriver.at(now.plus(Duration.ofMinutes(1)));
    batches.sendReady();
    PatrolDriver.at(now);
  }

  static void at(LocalDate date, int hour, ZoneId zone) {
    PatrolDriver.at(local(date, hour, zone));
  }

  static Instant local(LocalDate date, int hour, ZoneId zone) {
    return ZonedDateTime.of(date, LocalTime.of(hour, 0), zone).toInstant();
  }

  List<String> subjects() {
    return mailServer.received().stream().map(PatrolAssignmentProcessTest::subject).toList();
  }

  MimeMessage mail(String subjectStart) {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage message : mailServer.received()) {
      if (subject(message).startsWith(subjectStart)) {
        matching.add(message);
      }
    }
    assertThat(matching).as("mails starting with '%s' among %s", subjectStart, subjects()).hasSize(1);
    return matching.get(0);
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(MimeMessage message) throws Exception {
    Object content = message.getContent();
    if (content instanceof String s) {
      return s;
    }
    jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) content;
    StringBuilder all = new StringBuilder();
    collect(multipart, all);
    return all.toString();
  }

  private static void collect(jakarta.mail.Multipart multipart, StringBuilder all) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      Object part = multipart.getBodyPart(i).getContent();
      if (part instanceof String s) {
        all.append(s).append('\n');
      } else if (part instanceof jakarta.mail.Multipart nested) {
        collect(nested, all);
      }
    }
  }
}
