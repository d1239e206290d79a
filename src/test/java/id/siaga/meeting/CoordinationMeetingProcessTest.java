package id.siaga.meeting;

import static id.siaga.MailboxAssert.body;
import static id.siaga.MailboxAssert.cc;
import static id.siaga.MailboxAssert.to;
import static org.assertj.core.api.Assertions.assertThat;
import static id.siaga.meeting.CoordinationMeetingDriver.PALOPO;
import static id.siaga.meeting.CoordinationMeetingDriver.assertRefused;
import static id.siaga.meeting.CoordinationMeetingDriver.done;
import static id.siaga.meeting.CoordinationMeetingDriver.held;
import static id.siaga.meeting.CoordinationMeetingDriver.item;
import static id.siaga.meeting.CoordinationMeetingDriver.items;
import static id.siaga.meeting.CoordinationMeetingDriver.report;
import static id.siaga.meeting.CoordinationMeetingDriver.scheduleForm;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.EngineUsers;
import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code coordination-meeting} on the whole application: the demo agencies of Kota
 * Palopo (WITA) and their demo users, real mails to the embedded SMTP server, the engine clock
 * driven (nothing sleeps). Forms are submitted as Tasklist submits them (lists as JSON values).
 */
@SiagaSpringBootTest
class CoordinationMeetingProcessTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final List<String> ALL_AGENCIES = List.of("KESBANGPOL", "PEMDA", "POLRI", "TNI", "KPU", "BAWASLU", "KEJAKSAAN");
  static final Map<String, String> OFFICER = Map.of("kesbangpol7373", "kesbangpolpalopo", "pemda7373", "pemdapalopo",
      "polri7373", "polrespalopo", "tni7373", "kodimpalopo", "kpu7373", "kpupalopo", "bawaslu7373", "bawaslupalopo",
      "kejaksaan7373", "kejaripalopo");

  @Autowired MailBatches batches;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired TaskService tasks;
  @Autowired id.siaga.calendar.WorkingDays workingDays;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DevMailServer mailServer;
  @Autowired MeetingRepository meetings;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @Autowired Elections elections;
  @Autowired id.siaga.calendar.LocalDeadlines localDeadlines;

  /** Now, for every test: 1 December 2026, 08:00 WITA. */
  final Instant now = ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, WITA).toInstant();
  CoordinationMeetingDriver driver;
  String electionId;
  int dayOffset;
  static int testNumber;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(now));
    driver = new CoordinationMeetingDriver(forms, repository, identity, tasks);
    mailServer.start();
    mailServer.purge();
    // voting day 20 January 2027: the campaign stage runs until 16 January 2027
    electionId = elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
    dayOffset = testNumber++ % 20;
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    mailServer.start();
    runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  // ------------------------------------------------------------------ paths

  @Test
  void normalPathInvitesCollectsReportsRecordsTheMeetingFollowsUpAndSendsTheSummary() throws Exception {
    ProcessInstance pi = schedule(meetingDay(10) + "T09:00", ALL_AGENCIES);
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    assertThat(pi.getBusinessKey()).isEqualTo(meetingId).matches("rakor-[0-9a-f]{20}");
    // what Tasklist's filters show under each task
    assertThat(runtime.getVariables(pi.getId(), List.of("regionName", "stageName", "title")))
        .containsEntry("regionName", "Kota Palopo").containsEntry("stageName", "Kampanye")
        .containsEntry("title", "Rakor kesiapan kampanye");
    assertThat(filters.createFilterQuery().filterName("Tugas instansi saya").singleResult().getProperties()
        .get("variables").toString()).contains("regionName", "stageName", "title");

    // one report task per invited agency, due the day before at 12:00 WITA, plus the coordinator's task
    List<Task> reports = openTasks(pi, "SubmitReadinessReportTask");
    assertThat(reports).hasSize(7);
    Instant reportDue = ZonedDateTime.of(LocalDate.parse(meetingDay(9)), java.time.LocalTime.NOON, WITA).toInstant();
    assertThat(reports).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(reportDue));
    // the report's fields are not declared on the task (formFields = recorded): nothing to store
    assertThat((Object) tasks.getVariableTyped(reports.get(0).getId(), "vulnerabilities")).isNull();
    assertThat(openTasks(pi, "RecordMeetingOutcomeTask")).singleElement()
        .satisfies(t -> assertThat(groups(t)).containsExactly("kesbangpol7373"));

    // the invitation: one mail to the members of all invited agencies, with a calendar in WITA
    runJobs(pi);
    MimeMessage invitation = mail("[Siaga Pilkada] Undangan: Rakor kesiapan kampanye");
    assertThat(to(invitation)).contains("polrespalopo@siaga.demo", "kpupalopo@siaga.demo", "kesbangpolpalopo@siaga.demo");
    assertThat(body(invitation)).contains("laporan kesiapan melalui Siaga Pilkada (Tasklist) paling lambat ", localDeadlines.display(PALOPO, reportDue));
    VEvent event = event(invitation);
    assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(meetingDay(10).replace("-", "") + "T090000");
    assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Makassar");
    assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");

    // every agency reports; the coordinator sees the summary grow
    for (String group : OFFICER.keySet()) {
      submit(task(pi, "SubmitReadinessReportTask", group), OFFICER.get(group), report(12, "[\"POLITIK_UANG\",\"HOAKS\"]",
          group.startsWith("polri") ? "SIAP_DENGAN_CATATAN" : "SIAP", "Perlu tambahan kendaraan patroli"));
    }
    assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
        .startsWith("7 dari 7 laporan diterima")
        .contains("Polres Palopo: Siap dengan catatan, 12 personel; kerawanan: Politik uang, Hoaks, disinformasi dan konten SARA");
    assertThat(meetings.reports(meetingId)).hasSize(7).noneMatch(ReadinessReport::late);
    // the reports are the table's rows: no report field was stored as a variable, now or ever; the
    // submissions stay in the history as form properties (the text fields, who and when)
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("personnelCount", "vulnerabilities", "readinessStatus", "needsAndObstacles").count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).formFields().list())
        .filteredOn(d -> "readinessStatus".equals(((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId()))
        .hasSize(7).allSatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldValue())
            .isIn("SIAP", "SIAP_DENGAN_CATATAN"));
    // numbers and lists too (the engine itself records text only)
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).formFields().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricFormField.class::cast)
        .filter(f -> List.of("personnelCount", "vulnerabilities").contains(f.getFieldId()))
        .map(f -> f.getFieldId() + "=" + f.getFieldValue()).distinct().toList())
        .containsExactlyInAnyOrder("personnelCount=12", "vulnerabilities=[\"POLITIK_UANG\",\"HOAKS\"]");

    // the minutes cannot be recorded before the meeting starts
    Task outcome = task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373");
    assertRefused(() -> submit(outcome, "kesbangpolpalopo", held(items(item("Patroli gabungan", "POLRI", meetingDay(15))))),
        "Rapat belum dimulai");

    at(meetingStart(10).plus(Duration.ofHours(2)));
    submit(outcome, "kesbangpolpalopo", held(items(item("Patroli gabungan di titik rawan", "POLRI", meetingDay(15)),
        item("Pemetaan TPS rawan", "KPU", meetingDay(14)))));
    assertThat(meetings.find(meetingId).orElseThrow().status()).isEqualTo(MeetingStatus.DILAKSANAKAN);

    // the minutes go to every invited agency, with each commitment, its owner and due date
    runJobs(pi);
    MimeMessage minutes = mail("[Siaga Pilkada] Notulen: Rakor kesiapan kampanye – Kota Palopo");
    assertThat(to(minutes)).hasSize(7).contains("polrespalopo@siaga.demo", "kpupalopo@siaga.demo");
    assertThat(body(minutes)).contains("Semua instansi menyampaikan kesiapan.", "Patroli gabungan di titik rawan",
        "Polres Palopo", "Pemetaan TPS rawan", "KPU Kota Palopo",
        localDeadlines.display(PALOPO, ZonedDateTime.of(LocalDate.parse(meetingDay(15)), java.time.LocalTime.of(23, 59), WITA).toInstant()));

    Task police = task(pi, "CompleteActionItemTask", "polri7373");
    Task kpu = task(pi, "CompleteActionItemTask", "kpu7373");
    assertThat(police.getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(LocalDate.parse(meetingDay(15)), java.time.LocalTime.of(23, 59), WITA).toInstant());
    submit(police, "polrespalopo", done("Patroli dilaksanakan 3 malam", "Laporan patroli No. 12/XII"));
    submit(kpu, "kpupalopo", done("Peta TPS rawan disusun", "SK KPU 45/2026"));

    runJobs(pi);
    assertThat(ended(pi)).isTrue();
    Meeting closed = meetings.find(meetingId).orElseThrow();
    assertThat(closed.status()).isEqualTo(MeetingStatus.SELESAI);
    assertThat(meetings.actionItems(meetingId)).extracting(ActionItem::status)
        .containsExactly(ActionItemStatus.SELESAI, ActionItemStatus.SELESAI);
    MimeMessage summary = mail("[Siaga Pilkada] Ringkasan Rakor: Rakor kesiapan kampanye");
    assertThat(to(summary)).containsExactly("kesbangpolpalopo@siaga.demo");
    assertThat(body(summary)).contains("7 dari 7 diterima, 0 terlambat", "2 butir, 2 selesai, 0 dibatalkan, 0 terlambat",
        "Patroli gabungan di titik rawan");
  }

  @Test
  void postponedMeetingIsReinvitedWithAHigherSequenceAndOnlyMissingReportsAreAskedAgain() throws Exception {
    ProcessInstance pi = schedule(meetingDay(10) + "T09:00", List.of("POLRI", "KPU", "BAWASLU"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    runJobs(pi);
    submit(task(pi, "SubmitReadinessReportTask", "polri7373"), "polrespalopo", report(40, "[]", "SIAP", "Tidak ada"));

    submit(task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373"), "kesbangpolpalopo", Map.of(
        "meetingOutcome", "DITUNDA", "newMeetingAt", meetingDay(12) + "T14:00",
        "postponementReason", "Bupati berhalangan hadir"));

    Meeting moved = meetings.find(meetingId).orElseThrow();
    assertThat(moved.sequence()).isEqualTo(1);
    assertThat(moved.status()).isEqualTo(MeetingStatus.DIJADWALKAN);
    assertThat(moved.meetingLocal()).hasToString(meetingDay(12) + "T14:00");
    // the police already reported: only KPU and Bawaslu are asked again, due before the new date
    List<Task> reports = openTasks(pi, "SubmitReadinessReportTask");
    assertThat(reports).flatExtracting(this::groups).containsExactlyInAnyOrder("kpu7373", "bawaslu7373");
    assertThat(reports.get(0).getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(LocalDate.parse(meetingDay(11)), java.time.LocalTime.NOON, WITA).toInstant());
    assertThat(runtime.getVariable(pi.getId(), "meetingOutcome")).isNull();

    runJobs(pi);
    MimeMessage update = mail("[Siaga Pilkada] Perubahan jadwal: Rakor kesiapan kampanye");
    assertThat(body(update)).contains("Bupati berhalangan hadir");
    VEvent event = event(update);
    assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
    assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(meetingDay(12).replace("-", "") + "T140000");
    assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(meetingId + "@siaga-pilkada");
  }

  @Test
  void cancelledMeetingTellsEveryoneAndEnds() throws Exception {
    ProcessInstance pi = schedule(meetingDay(10) + "T09:00", List.of("POLRI", "TNI"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    runJobs(pi);
    submit(task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373"), "kesbangpolpalopo",
        Map.of("meetingOutcome", "DIBATALKAN", "cancellationReason", "Digabung dengan Rakor provinsi"));
    runJobs(pi);

    assertThat(ended(pi)).isTrue();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Meeting cancelled = meetings.find(meetingId).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(MeetingStatus.DIBATALKAN);
    assertThat(cancelled.statusReason()).isEqualTo("Digabung dengan Rakor provinsi");
    MimeMessage notice = mail("[Siaga Pilkada] Dibatalkan: Rakor kesiapan kampanye");
    assertThat(to(notice)).containsExactlyInAnyOrder("polrespalopo@siaga.demo", "kodimpalopo@siaga.demo");
    assertThat(cc(notice)).containsExactly("kesbangpolpalopo@siaga.demo");
    assertThat(body(notice)).contains("Digabung dengan Rakor provinsi");
    VEvent event = event(notice);
    assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
  }

  @Test
  void waivedActionItemClosesTheMeetingAsWaived() throws Exception {
    ProcessInstance pi = heldMeetingWith(items(item("Sewa genset cadangan", "PEMDA", meetingDay(16))));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    submit(task(pi, "CompleteActionItemTask", "pemda7373"), "pemdapalopo",
        Map.of("followUpDecision", "MINTA_PEMBEBASAN", "waiverReason", "Genset dipinjamkan PLN"));
    assertThat(meetings.actionItems(meetingId).get(0).status()).isEqualTo(ActionItemStatus.MINTA_PEMBEBASAN);

    Task review = task(pi, "ReviewWaiverTask", "kesbangpol7373");
    assertThat(tasks.getVariable(review.getId(), "waiverReason")).isEqualTo("Genset dipinjamkan PLN");
    submit(review, "kesbangpolpalopo", Map.of("waiverDecision", "SETUJU"));
    runJobs(pi);
    MimeMessage granted = mail("[Siaga Pilkada] Pembatalan disetujui: Sewa genset cadangan – Kota Palopo");
    assertThat(to(granted)).containsExactly("pemdapalopo@siaga.demo");
    assertThat(cc(granted)).containsExactly("kesbangpolpalopo@siaga.demo");
    assertThat(body(granted)).contains("Genset dipinjamkan PLN");

    assertThat(ended(pi)).isTrue();
    assertThat(meetings.actionItems(meetingId)).singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(ActionItemStatus.DIBEBASKAN));
    assertThat(body(mail("[Siaga Pilkada] Ringkasan Rakor"))).contains("1 butir, 0 selesai, 1 dibatalkan");
  }

  @Test
  void refusedWaiverReturnsTheItemToItsOwnerWithTheReason() throws Exception {
    ProcessInstance pi = heldMeetingWith(items(item("Sosialisasi netralitas ASN", "PEMDA", meetingDay(16))));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    submit(task(pi, "CompleteActionItemTask", "pemda7373"), "pemdapalopo",
        Map.of("followUpDecision", "MINTA_PEMBEBASAN", "waiverReason", "Anggaran habis"));
    Task review = task(pi, "ReviewWaiverTask", "kesbangpol7373");
    assertRefused(() -> submit(review, "kesbangpolpalopo", Map.of("waiverDecision", "TOLAK")),
        "Alasan penolakan wajib diisi");
    submit(review, "kesbangpolpalopo", Map.of("waiverDecision", "TOLAK", "refusalReason", "Wajib menurut edaran Mendagri"));

    runJobs(pi);
    MimeMessage refused = mail("[Siaga Pilkada] Pembatalan ditolak: Sosialisasi netralitas ASN – Kota Palopo");
    assertThat(to(refused)).containsExactly("pemdapalopo@siaga.demo");
    assertThat(body(refused)).contains("Wajib menurut edaran Mendagri", "tetap wajib dilaksanakan");
    Task again = task(pi, "CompleteActionItemTask", "pemda7373");
    assertThat(tasks.getVariable(again.getId(), "refusalReason")).isEqualTo("Wajib menurut edaran Mendagri");
    assertThat(tasks.getVariable(again.getId(), "followUpDecision")).isNull();
    assertThat(meetings.actionItems(meetingId).get(0).status()).isEqualTo(ActionItemStatus.TERBUKA);
    submit(again, "pemdapalopo", done("Sosialisasi di 9 kecamatan", "Daftar hadir terlampir di arsip"));
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
    assertThat(meetings.actionItems(meetingId).get(0).status()).isEqualTo(ActionItemStatus.SELESAI);
  }

  @Test
  void aLateReportIsRemindedFlaggedAndEscalatedToTheProvince() throws Exception {
    ProcessInstance pi = schedule(meetingDay(10) + "T09:00", List.of("POLRI", "KPU"));
    runJobs(pi);
    submit(task(pi, "SubmitReadinessReportTask", "kpu7373"), "kpupalopo", report(5, "[]", "SIAP", "Tidak ada"));
    Instant due = ZonedDateTime.of(LocalDate.parse(meetingDay(9)), java.time.LocalTime.NOON, WITA).toInstant();

    runJobsAt(pi, due.minus(Duration.ofHours(24)));
    MimeMessage reminder = mail("[Siaga Pilkada] Pengingat: Laporan kesiapan – Kota Palopo");
    assertThat(to(reminder)).containsExactly("polrespalopo@siaga.demo");
    runJobsAt(pi, due);
    assertThat(to(mail("[Siaga Pilkada] Terlambat: Laporan kesiapan – Kota Palopo"))).containsExactly("polrespalopo@siaga.demo");
    runJobsAt(pi, due.plus(Duration.ofHours(24)));
    Task late = task(pi, "SubmitReadinessReportTask", "polri7373");
    assertThat(groups(late)).containsExactlyInAnyOrder("polri7373", "polri73");
    MimeMessage escalation = mail("[Siaga Pilkada] Eskalasi tingkat 1: Laporan kesiapan – Kota Palopo");
    assertThat(to(escalation)).containsExactly("poldasulsel@siaga.demo");
    assertThat(cc(escalation)).containsExactly("polrespalopo@siaga.demo");

    // the report still counts, marked late
    submit(late, "polrespalopo", report(30, "[\"MOBILISASI_MASSA\"]", "BELUM_SIAP", "Personel belum lengkap"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    assertThat(meetings.reports(meetingId)).filteredOn(r -> r.agencyGroup().equals("polri7373")).singleElement()
        .satisfies(r -> assertThat(r.late()).isTrue());
  }

  @Test
  void aLateActionItemIsEscalatedToTheProvinceLevel() throws Exception {
    ProcessInstance pi = heldMeetingWith(items(item("Pengamanan gudang logistik", "POLRI", meetingDay(13))));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    Instant due = ZonedDateTime.of(LocalDate.parse(meetingDay(13)), java.time.LocalTime.of(23, 59), WITA).toInstant();

    runJobsAt(pi, due.minus(Duration.ofHours(24)));
    assertThat(to(mail("[Siaga Pilkada] Pengingat: Tindak lanjut rapat – Kota Palopo"))).containsExactly("polrespalopo@siaga.demo");
    runJobsAt(pi, due);
    assertThat(to(mail("[Siaga Pilkada] Terlambat: Tindak lanjut rapat – Kota Palopo"))).containsExactly("polrespalopo@siaga.demo");
    runJobsAt(pi, due.plus(Duration.ofHours(24)));
    Task item = task(pi, "CompleteActionItemTask", "polri7373");
    assertThat(groups(item)).containsExactlyInAnyOrder("polri7373", "polri73");
    assertThat(tasks.getVariableLocal(item.getId(), "escalationLevel")).isEqualTo(1);
    assertThat(to(mail("[Siaga Pilkada] Eskalasi tingkat 1: Tindak lanjut rapat – Kota Palopo")))
        .containsExactly("poldasulsel@siaga.demo");

    // the province may now complete it; it is recorded late
    submit(item, "poldasulsel", done("Gudang dijaga 24 jam", "Sprin 77/XII"));
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
    assertThat(meetings.actionItems(meetingId).get(0).late()).isTrue();
    assertThat(body(mail("[Siaga Pilkada] Ringkasan Rakor"))).contains("1 butir, 1 selesai, 0 dibatalkan, 1 terlambat");
  }

  @Test
  void aJointItemIsFollowedUpByEachOwnerOnItsOwnAndClosesWhenEveryPartHas() throws Exception {
    ProcessInstance pi = heldMeetingWith(java.util.Map.of("actionItem1Description", "Patroli bersama di Wara",
        "actionItem1Owner", CoordinationMeetingDriver.json("[\"POLRI\",\"PEMDA\"]"),
        "actionItem1Due", meetingDay(16), "actionItem1Recurrence", "SEKALI"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    // one item, one part per owner, each with its own task for that owner only
    assertThat(meetings.actionItems(meetingId)).extracting(ActionItem::itemId, ActionItem::number, ActionItem::ownerGroup)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(meetingId + "-T1-1", 1, "polri7373"),
            org.assertj.core.groups.Tuple.tuple(meetingId + "-T1-2", 1, "pemda7373"));
    Task police = task(pi, "CompleteActionItemTask", "polri7373");
    Task pemda = task(pi, "CompleteActionItemTask", "pemda7373");
    assertThat(groups(police)).containsExactly("polri7373");
    assertThat(groups(pemda)).containsExactly("pemda7373");
    runJobs(pi);
    assertThat(body(mail("[Siaga Pilkada] Notulen"))).contains("Polres Palopo (bersama Pemerintah Kota Palopo)");
    // the police cannot confirm the local government's part
    assertThatThrownBy(() -> submit(pemda, "polrespalopo", done("x", "y")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    // the police report their part done: the item is not closed while the other part is open
    submit(police, "polrespalopo", done("Patroli 12 personel", "Sprin 12/XII"));
    assertThat(ended(pi)).isFalse();
    assertThat(meetings.actionItems(meetingId)).extracting(ActionItem::status)
        .containsExactly(ActionItemStatus.SELESAI, ActionItemStatus.TERBUKA);

    // the local government asks to be released from its part; the coordinator agrees; the meeting closes
    submit(pemda, "pemdapalopo", Map.of("followUpDecision", "MINTA_PEMBEBASAN", "waiverReason", "Tidak ada kendaraan"));
    submit(task(pi, "ReviewWaiverTask", "kesbangpol7373"), "kesbangpolpalopo", Map.of("waiverDecision", "SETUJU"));
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
    assertThat(meetings.actionItems(meetingId)).extracting(ActionItem::status)
        .containsExactly(ActionItemStatus.SELESAI, ActionItemStatus.DIBEBASKAN);
    assertThat(body(mail("[Siaga Pilkada] Ringkasan Rakor"))).contains("2 butir, 1 selesai, 1 dibatalkan")
        .contains("Pemerintah Kota Palopo (bersama Polres Palopo)");
  }

  @Test
  void aRecurringItemIsConfirmedPerPeriodUntilItsEndDateAndAMissedConfirmationEscalates() throws Exception {
    // held on day 10; the police patrol every night until day 12: three daily periods
    ProcessInstance pi = heldMeetingWith(java.util.Map.of("actionItem1Description", "Patroli malam di titik rawan",
        "actionItem1Owner", CoordinationMeetingDriver.json("[\"POLRI\"]"), "actionItem1Due", meetingDay(12), "actionItem1Recurrence", "HARIAN"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    assertThat(meetings.actionItems(meetingId)).singleElement()
        .satisfies(i -> assertThat(i.recurrence()).isEqualTo(Recurrence.HARIAN));
    assertThat(openTasks(pi, "CompleteActionItemTask")).isEmpty();
    runJobs(pi);   // the first period began at midnight: its task is open at once

    // period 1: due at the end of the meeting's day, confirmed in time
    Task first = task(pi, "ConfirmPeriodTask", "polri7373");
    assertThat(tasks.getVariable(first.getId(), "periodText"))
        .isEqualTo("periode 1 dari 3: " + LetterTexts.date(LocalDate.parse(meetingDay(10))));
    assertThat(first.getDueDate().toInstant()).isEqualTo(endOf(meetingDay(10)));
    submit(first, "polrespalopo", Map.of("periodDecision", "DILAKSANAKAN", "periodNote", "12 personel"));
    runJobs(pi);

    // period 2 waits for its day to begin, then is due at its end; nobody confirms it
    assertThat(openTasks(pi, "ConfirmPeriodTask")).isEmpty();
    Instant secondDay = ZonedDateTime.of(LocalDate.parse(meetingDay(11)), java.time.LocalTime.MIDNIGHT, WITA).toInstant();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().list())
        .extracting(j -> j.getDuedate().toInstant()).contains(secondDay);
    runJobsAt(pi, secondDay);
    Task second = task(pi, "ConfirmPeriodTask", "polri7373");
    assertThat(second.getDueDate().toInstant()).isEqualTo(endOf(meetingDay(11)));
    runJobsAt(pi, endOf(meetingDay(11)).minus(Duration.ofHours(6)));
    assertThat(to(mail("[Siaga Pilkada] Pengingat: Konfirmasi pelaksanaan periode – Kota Palopo")))
        .containsExactly("polrespalopo@siaga.demo");
    runJobsAt(pi, endOf(meetingDay(11)).plus(Duration.ofHours(12)));
    assertThat(groups(task(pi, "ConfirmPeriodTask", "polri7373"))).containsExactlyInAnyOrder("polri7373", "polri73");
    assertThat(to(mail("[Siaga Pilkada] Eskalasi tingkat 1: Konfirmasi pelaksanaan periode – Kota Palopo")))
        .containsExactly("poldasulsel@siaga.demo");
    // confirmed late, not carried out: a reason is required
    assertRefused(() -> submit(second, "polrespalopo", Map.of("periodDecision", "TIDAK_DILAKSANAKAN")),
        "Catatan wajib diisi");
    submit(second, "polrespalopo", Map.of("periodDecision", "TIDAK_DILAKSANAKAN", "periodNote", "Personel ditarik ke Polda"));
    runJobs(pi);   // the third day has begun already: its task opens at once

    // period 3: confirmed in time; the item is done, late because one confirmation was
    Task third = task(pi, "ConfirmPeriodTask", "polri7373");
    assertThat(tasks.getVariable(third.getId(), "periodText")).asString().startsWith("periode 3 dari 3");
    submit(third, "polrespalopo", Map.of("periodDecision", "DILAKSANAKAN"));
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
    assertThat(meetings.periods(meetingId)).extracting(ActionPeriodRecord::number, ActionPeriodRecord::executed,
        ActionPeriodRecord::late).containsExactly(org.assertj.core.groups.Tuple.tuple(1, true, false),
            org.assertj.core.groups.Tuple.tuple(2, false, true), org.assertj.core.groups.Tuple.tuple(3, true, false));
    assertThat(meetings.periods(meetingId).get(1).note()).isEqualTo("Personel ditarik ke Polda");
    assertThat(meetings.actionItems(meetingId)).singleElement().satisfies(i -> {
      assertThat(i.status()).isEqualTo(ActionItemStatus.SELESAI);
      assertThat(i.outcome()).isEqualTo("2 dari 3 periode dilaksanakan");
      assertThat(i.late()).isTrue();
    });
    assertThat(body(mail("[Siaga Pilkada] Ringkasan Rakor"))).contains("1 butir, 1 selesai, 0 dibatalkan, 1 terlambat")
        .contains("setiap hari sampai").contains("3 dari 3 periode dikonfirmasi");
  }

  @Test
  void aPeriodConfirmationCannotNameAnotherPeriodItemOrOwnerOverTheRestApi() throws Exception {
    // a joint nightly patrol of the police and the local government, on the meeting's day and the next
    ProcessInstance pi = heldMeetingWith(java.util.Map.of("actionItem1Description", "Patroli malam bersama",
        "actionItem1Owner", CoordinationMeetingDriver.json("[\"POLRI\",\"PEMDA\"]"),
        "actionItem1Due", meetingDay(11), "actionItem1Recurrence", "HARIAN"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    runJobs(pi);
    String police = task(pi, "ConfirmPeriodTask", "polri7373").getId();
    String pemda = task(pi, "ConfirmPeriodTask", "pemda7373").getId();

    // the police confirm their first night, naming the second period and the local government's part
    Map<String, Object> variables = new java.util.HashMap<>(Map.of("periodDecision", Map.of("value", "DILAKSANAKAN")));
    variables.put("periodNo", Map.of("value", 2, "type", "Integer"));
    variables.put("actionItemId", Map.of("value", meetingId + "-T1-2"));
    variables.put("ownerGroup", Map.of("value", "pemda7373"));
    assertThat(submitOverRest("polrespalopo", police, variables)).isEqualTo(400);
    // or confirm the local government's task itself
    assertThat(submitOverRest("polrespalopo", pemda, Map.of("periodDecision", Map.of("value", "DILAKSANAKAN"))))
        .isEqualTo(403);
    assertThat(meetings.periods(meetingId)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(police).count() + tasks.createTaskQuery().taskId(pemda).count()).isEqualTo(2);

    // their own confirmation, without extras, is recorded for their part and the first period only
    assertThat(submitOverRest("polrespalopo", police, Map.of("periodDecision", Map.of("value", "DILAKSANAKAN"))))
        .isEqualTo(204);
    assertThat(meetings.periods(meetingId)).singleElement().satisfies(p -> {
      assertThat(p.itemId()).isEqualTo(meetingId + "-T1-1");
      assertThat(p.number()).isEqualTo(1);
      assertThat(p.confirmedBy()).isEqualTo("polrespalopo");
    });
    assertThat(task(pi, "ConfirmPeriodTask", "pemda7373").getId()).isEqualTo(pemda);
  }

  int submitOverRest(String user, String taskId, Map<String, Object> variables) {
    return rest.withBasicAuth(user, id.siaga.SiagaSpringBootTest.DEMO_PASSWORD)
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class)
        .getStatusCode().value();
  }

  @Test
  void theCoordinatorsRecordIsRemindedAndEscalatedToTheProvinceThenKemendagriAndTheNationalDesk() throws Exception {
    ProcessInstance pi = schedule(meetingDay(10) + "T09:00", List.of("POLRI"));
    runJobs(pi);
    Task outcome = task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373");
    Instant due = ZonedDateTime.of(LocalDate.parse(meetingDay(11)), java.time.LocalTime.of(17, 0), WITA).toInstant();
    assertThat(outcome.getDueDate().toInstant()).isEqualTo(due);

    runJobsAt(pi, due.minus(Duration.ofHours(24)));
    assertThat(to(mail("[Siaga Pilkada] Pengingat: Catat hasil rapat – Kota Palopo"))).containsExactly("kesbangpolpalopo@siaga.demo");
    runJobsAt(pi, due);
    assertThat(to(mail("[Siaga Pilkada] Terlambat: Catat hasil rapat – Kota Palopo"))).containsExactly("kesbangpolpalopo@siaga.demo");
    runJobsAt(pi, due.plus(Duration.ofHours(24)));
    assertThat(to(mail("[Siaga Pilkada] Eskalasi tingkat 1: Catat hasil rapat – Kota Palopo")))
        .containsExactly("kesbangpolsulsel@siaga.demo");
    runJobsAt(pi, due.plus(Duration.ofHours(48)));
    assertThat(to(mail("[Siaga Pilkada] Eskalasi tingkat 2: Catat hasil rapat – Kota Palopo")))
        .containsExactlyInAnyOrder("desknasional@siaga.demo", "kemendagri@siaga.demo");
    assertThat(groups(outcome)).as("Kesbangpol's line ends at Kemendagri; the desk is informed at the last level")
        .containsExactlyInAnyOrder("kesbangpol7373", "kesbangpol73", "kemendagri", "desknasional");

    // the province coordinator may now record the meeting in the region's place
    submit(outcome, "kesbangpolsulsel", Map.of("meetingOutcome", "DIBATALKAN", "cancellationReason", "Tidak tercatat"));
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
  }

  @Test
  void aWaiverRequestLeftUnansweredIsRemindedAndEscalated() throws Exception {
    ProcessInstance pi = heldMeetingWith(items(item("Sewa tenda", "PEMDA", meetingDay(18))));
    submit(task(pi, "CompleteActionItemTask", "pemda7373"), "pemdapalopo",
        Map.of("followUpDecision", "MINTA_PEMBEBASAN", "waiverReason", "Anggaran habis"));
    Task review = task(pi, "ReviewWaiverTask", "kesbangpol7373");
    Instant requested = ClockUtil.getCurrentTime().toInstant();
    Instant due = review.getDueDate().toInstant();
    // two working days (weekends, national holidays and cuti bersama skipped) after the request, same local time
    ZonedDateTime requestedLocal = requested.atZone(WITA);
    assertThat(due).isEqualTo(workingDays.plus(requestedLocal.toLocalDate(), 2).atTime(requestedLocal.toLocalTime())
        .atZone(WITA).toInstant());

    runJobsAt(pi, due.minus(Duration.ofHours(24)));
    assertThat(to(mail("[Siaga Pilkada] Pengingat: Tinjau permohonan pembatalan – Kota Palopo")))
        .containsExactly("kesbangpolpalopo@siaga.demo");
    runJobsAt(pi, due.plus(Duration.ofHours(24)));
    assertThat(to(mail("[Siaga Pilkada] Eskalasi tingkat 1: Tinjau permohonan pembatalan – Kota Palopo")))
        .containsExactly("kesbangpolsulsel@siaga.demo");
    assertThat(groups(review)).contains("kesbangpol73");
  }

  @Test
  void aMeetingWithoutActionItemsClosesRightAfterTheMinutes() throws Exception {
    ProcessInstance pi = heldMeetingWith("[]");
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
    assertThat(meetings.find(meetingId).orElseThrow().status()).isEqualTo(MeetingStatus.SELESAI);
    assertThat(body(mail("[Siaga Pilkada] Notulen"))).contains("tidak ada");
    assertThat(body(mail("[Siaga Pilkada] Ringkasan Rakor"))).contains("0 dari 3 diterima", "0 butir");
  }

  @Test
  void aMeetingAtShortNoticeGivesTheAgenciesUntilTwoHoursBeforeIt() {
    // now: 1 December 08:00 WITA; the meeting tomorrow 09:00: noon today would be late already
    ProcessInstance pi = schedule("2026-12-02T09:" + String.format("%02d", dayOffset),
        List.of("POLRI"));
    Task report = task(pi, "SubmitReadinessReportTask", "polri7373");
    assertThat(report.getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 12, 2, 7, dayOffset, 0, 0, WITA).toInstant());
    runJobs(pi);
    assertThat(mailServer.received()).noneMatch(m -> subject(m).startsWith("[Siaga Pilkada] Terlambat"));
  }

  // ------------------------------------------------------------------ routing

  @Test
  void eachAgencySeesOnlyItsOwnReportAndActionItemTasks() {
    ProcessInstance pi = heldMeetingWith(items(item("Patroli", "POLRI", meetingDay(15)), item("Data TPS", "KPU", meetingDay(15))));
    for (String user : List.of("polrespalopo", "kpupalopo", "kodimpalopo")) {
      EngineUsers.actAs(identity, user);
      List<Task> visible = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
      identity.clearAuthentication();
      String group = EngineUsers.groupsOf(identity, user).get(0);
      assertThat(visible).as(user).allSatisfy(t -> assertThat(groups(t)).contains(group));
      assertThat(visible).as(user).hasSize(user.equals("kodimpalopo") ? 0 : 1);
    }
    Task police = task(pi, "CompleteActionItemTask", "polri7373");
    assertThatThrownBy(() -> submit(police, "kpupalopo", done("x", "y")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
  }

  // ------------------------------------------------------------------ helpers

  /** A meeting already held, with the given action items; reports skipped (not received). */
  ProcessInstance heldMeetingWith(String actionItemsJson) {
    return heldMeetingWith(CoordinationMeetingDriver.actionItemSlots(actionItemsJson));
  }

  /** A meeting already held, with the outcome form's action-item fields as given. */
  ProcessInstance heldMeetingWith(Map<String, Object> actionItemFields) {
    ProcessInstance pi = schedule(meetingDay(10) + "T09:00", List.of("POLRI", "KPU", "PEMDA"));
    runJobs(pi);
    at(meetingStart(10).plus(Duration.ofHours(3)));
    Map<String, Object> form = new java.util.HashMap<>(held("[]"));
    form.putAll(actionItemFields);
    submit(task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373"), "kesbangpolpalopo", form);
    return pi;
  }

  /** The end of a local day in Palopo, 23:59 WITA: when an item or a period of that day is due. */
  static Instant endOf(String day) {
    return ZonedDateTime.of(LocalDate.parse(day), java.time.LocalTime.of(23, 59), WITA).toInstant();
  }

  ProcessInstance schedule(String meetingAt, List<String> invited) {
    return driver.start(scheduleForm(electionId, meetingAt, invited), "kesbangpolpalopo");
  }

  /** A day of December 2026, moved by a per-test offset so that meeting ids never repeat. */
  String meetingDay(int december) {
    return LocalDate.of(2026, 12, december).plusDays(dayOffset).toString();
  }

  Instant meetingStart(int december) {
    return ZonedDateTime.of(LocalDate.parse(meetingDay(december)), java.time.LocalTime.of(9, 0), WITA).toInstant();
  }

  void submit(Task task, String user, Map<String, Object> form) {
    driver.submit(task, user, form);
  }

  Task task(ProcessInstance pi, String key, String group) {
    return driver.task(pi, key, group);
  }

  List<Task> openTasks(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  boolean ended(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /**
   * Runs what is due at {@code instant}, a second after it, as the job executor would, then sends
   * the deadline mails its timers queued, a batch window later.
   */
  void runJobsAt(ProcessInstance pi, Instant instant) {
    at(instant.plusSeconds(1));
    runJobs(pi);
    at(instant.plusSeconds(1).plus(Duration.ofMinutes(1)));
    batches.sendReady();
  }

  /** Executes every job of the instance that is due now, including the ones they create. */
  void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 30; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  MimeMessage mail(String subjectStart) throws Exception {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage message : mailServer.received()) {
      if (message.getSubject().startsWith(subjectStart)) {
        matching.add(message);
      }
    }
    assertThat(matching).as("mails starting with '%s'", subjectStart).hasSize(1);
    return matching.get(0);
  }

  /** The calendar attachment of a mail, parsed by ical4j. */
  static VEvent event(MimeMessage message) throws Exception {
    MimeMultipart multipart = (MimeMultipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (part.getFileName() != null && part.getFileName().endsWith(".ics")) {
        String ics = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
      }
    }
    throw new AssertionError("no .ics attachment");
  }
}
