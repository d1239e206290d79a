package id.siaga.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.EngineUsers;
import id.siaga.SiagaSpringBootTest;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code early-warning-report} on the whole application, every path: routed and resolved with the
 * informed agencies told; returned as not the agency's remit and re-routed; a merged duplicate; an
 * unfounded report; a darurat report alerting at once and climbing to Polda unacknowledged; the ASN
 * neutrality path with its sanction; and every kind of bad filing refused with nothing created.
 * The engine clock is driven; nothing sleeps.
 */
@SiagaSpringBootTest
class EarlyWarningProcessTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");   // 10:00 WITA
  static final String PALOPO = "73.73";
  static final String WARA = "73.73.01";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired ReportRepository reports;
  @Autowired DevMailServer mailServer;
  @Autowired MailBatches batches;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<id.siaga.calendar.StageWorkstreamStatus> workstreams;

  @BeforeEach
  void setUp() {
    clean();   // other features (a patrol's rawan situation) may have filed reports
    ClockUtil.setCurrentTime(Date.from(NOW));
    mailServer.start();
    mailServer.purge();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identity.clearAuthentication();
    clean();
  }

  void clean() {
    ReportTestData.clear(runtime, jdbc);
  }

  @Test
  void aSecurityReportIsNumberedTriagedRoutedToPolresWithKodimToldAndResolved() throws Exception {
    ProcessInstance pi = file("kodimpalopo", report("BENTROKAN", "TINGGI", "Dua kelompok pendukung saling lempar batu"));
    Report filed = reports.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(filed.reportId()).isEqualTo("LK-7373-2026-0001").isEqualTo(pi.getBusinessKey());
    assertThat(filed.filedBy()).isEqualTo("kodimpalopo");
    assertThat(filed.filedByGroup()).isEqualTo("tni7373");
    assertThat(filed.observedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(filed.status()).isEqualTo(Report.DITERIMA);
    // the second report of the region and year gets the next number
    assertThat(file("polrespalopo", report("MOBILISASI_MASSA", "RENDAH", "Konvoi")).getBusinessKey())
        .isEqualTo("LK-7373-2026-0002");

    // triage by Kesbangpol, due in 6 hours (tinggi), with the table's suggestion and who reported
    Task triage = task(pi, "TriageReportTask");
    assertThat(groups(triage)).containsExactly("kesbangpol7373");
    assertThat(triage.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(6)));
    assertThat((String) tasks.getVariable(triage.getId(), "routeSuggestion"))
        .contains("gangguan keamanan", "Polres Palopo", "diberi tahu: TNI", "provinsi diberi tahu");
    assertThat((String) tasks.getVariable(triage.getId(), "reporterIdentity")).contains("kodimpalopo");
    submit(triage, "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN", "category", "BENTROKAN"));
    runJobs(pi);

    Task handle = task(pi, "HandleReportTask");
    assertThat(groups(handle)).containsExactly("polri7373");
    assertThat(handle.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat(tasks.getVariables(handle.getId()).keySet()).doesNotContain("reporterIdentity", "reporterContact");
    MimeMessage routed = mail("[Siaga Pilkada] Laporan kerawanan LK-7373-2026-0001 untuk ditangani");
    assertThat(addresses(routed, Message.RecipientType.TO)).contains("polrespalopo@siaga.demo");
    assertThat(addresses(routed, Message.RecipientType.CC)).contains("kodimpalopo@siaga.demo", "kesbangpolsulsel@siaga.demo");

    assertThatThrownBy(() -> submit(handle, "polrespalopo", Map.of("handlingDecision", "DITANGANI", "outcome", "SELESAI")))
        .hasMessageContaining("Uraian penanganan wajib diisi");
    submit(handle, "polrespalopo", Map.of("handlingDecision", "DITANGANI", "outcome", "SELESAI",
        "outcomeNotes", "Kedua kelompok dilerai, dua orang diamankan"));
    runJobs(pi);
    Report resolved = reports.find("LK-7373-2026-0001").orElseThrow();
    assertThat(resolved.status()).isEqualTo(Report.SELESAI);
    assertThat(resolved.outcome()).isEqualTo(ReportOutcome.SELESAI);
    assertThat(resolved.resolvedBy()).isEqualTo("polrespalopo");
    assertThat(reports.routings(resolved.reportId())).singleElement()
        .satisfies(r -> assertThat(r.handlingGroup()).isEqualTo("polri7373"));
    MimeMessage closed = mail("[Siaga Pilkada] Laporan kerawanan LK-7373-2026-0001 selesai ditangani");
    assertThat(addresses(closed, Message.RecipientType.TO)).containsExactly("kodimpalopo@siaga.demo",
        "pelapor@contoh.id");
    assertThat(ended(pi)).isTrue();
  }

  @Test
  void notTheAgencysRemitGoesBackToTriageWhichReroutesIt() {
    ProcessInstance pi = file("pemdapalopo", report("SARANA_FASILITAS", "SEDANG", "Gudang logistik kecamatan bocor"));
    submit(task(pi, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN",
        "category", "SARANA_FASILITAS"));
    runJobs(pi);
    Task handle = task(pi, "HandleReportTask");
    assertThat(groups(handle)).containsExactly("pemda7373");
    assertThatThrownBy(() -> submit(handle, "pemdapalopo", Map.of("handlingDecision", "BUKAN_KEWENANGAN")))
        .hasMessageContaining("Alasan bukan kewenangan wajib diisi");
    submit(handle, "pemdapalopo", Map.of("handlingDecision", "BUKAN_KEWENANGAN",
        "returnReason", "Gudang milik KPU; logistik urusan KPU"));
    assertThat(reports.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(Report.DITERIMA);

    // triage corrects the category: the table routes it to KPU
    Task again = task(pi, "TriageReportTask");
    submit(again, "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN", "category", "KEAMANAN_LOGISTIK"));
    runJobs(pi);
    assertThat(groups(task(pi, "HandleReportTask"))).containsExactly("kpu7373");
    List<ReportRepository.Routing> routings = reports.routings(pi.getBusinessKey());
    assertThat(routings).hasSize(2);
    assertThat(routings.get(0).returnedReason()).isEqualTo("Gudang milik KPU; logistik urusan KPU");
    assertThat(routings.get(0).returnedBy()).isEqualTo("pemdapalopo");
    assertThat(routings.get(1).route()).isEqualTo("LOGISTIK");
    assertThat(reports.find(pi.getBusinessKey()).orElseThrow().category().name()).isEqualTo("KEAMANAN_LOGISTIK");
    submit(task(pi, "HandleReportTask"), "kpupalopo", Map.of("handlingDecision", "DITANGANI",
        "outcome", "DITINDAKLANJUTI", "outcomeNotes", "Logistik dipindahkan ke gudang cadangan"));
    runJobs(pi);
    assertThat(ended(pi)).isTrue();
  }

  @Test
  void aDuplicateIsMergedAndAnUnfoundedReportRejectedEachTellingTheFiler() throws Exception {
    ProcessInstance first = file("polrespalopo", report("POLITIK_UANG", "SEDANG", "Pembagian amplop di pasar"));
    ProcessInstance second = file("bawaslupalopo", report("POLITIK_UANG", "SEDANG", "Amplop dibagikan di pasar Wara"));
    Task triage = task(second, "TriageReportTask");
    assertThatThrownBy(() -> submit(triage, "kesbangpolpalopo", Map.of("triageDecision", "GABUNGKAN",
        "mergeInto", second.getBusinessKey()))).hasMessageContaining("bukan laporan lain wilayah ini");
    assertThatThrownBy(() -> submit(triage, "kesbangpolpalopo", Map.of("triageDecision", "GABUNGKAN",
        "mergeInto", "LK-7371-2026-0001"))).hasMessageContaining("bukan laporan lain wilayah ini");
    submit(triage, "kesbangpolpalopo", Map.of("triageDecision", "GABUNGKAN", "mergeInto", first.getBusinessKey()));
    runJobs(second);
    Report merged = reports.find(second.getBusinessKey()).orElseThrow();
    assertThat(merged.status()).isEqualTo(Report.DIGABUNG);
    assertThat(merged.mergedInto()).isEqualTo(first.getBusinessKey());
    assertThat(ended(second)).isTrue();
    assertThat(mail("[Siaga Pilkada] Laporan kerawanan " + second.getBusinessKey() + " digabung").getContent().toString())
        .isNotEmpty();

    ProcessInstance unfounded = file("polrespalopo", report("KELOMPOK_RADIKAL", "RENDAH", "Kabar burung"));
    Task reject = task(unfounded, "TriageReportTask");
    assertThatThrownBy(() -> submit(reject, "kesbangpolpalopo", Map.of("triageDecision", "TOLAK")))
        .hasMessageContaining("Alasan penolakan wajib diisi");
    submit(reject, "kesbangpolpalopo", Map.of("triageDecision", "TOLAK",
        "rejectionReason", "Dicek ke lokasi: tidak ada kegiatan"));
    runJobs(unfounded);
    assertThat(reports.find(unfounded.getBusinessKey()).orElseThrow().status()).isEqualTo(Report.DITOLAK);
    assertThat(mail("[Siaga Pilkada] Laporan kerawanan " + unfounded.getBusinessKey() + " ditolak")).isNotNull();
    assertThat(ended(unfounded)).isTrue();
  }

  @Test
  void aDaruratReportAlertsAtOnceAndClimbsToPoldaUnacknowledged() throws Exception {
    ProcessInstance pi = file("kesbangpolpalopo", report("GANGGUAN_POSKO", "DARURAT", "Posko pasangan calon dibakar"));
    runJobs(pi);
    MimeMessage alert = mail("[Siaga Pilkada] DARURAT: laporan kerawanan " + pi.getBusinessKey());
    assertThat(addresses(alert, Message.RecipientType.TO)).contains("polrespalopo@siaga.demo", "kodimpalopo@siaga.demo",
        "kesbangpolpalopo@siaga.demo");
    Task ack = task(pi, "AcknowledgeEmergencyTask");
    assertThat(groups(ack)).containsExactly("polri7373");
    assertThat(ack.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(task(pi, "TriageReportTask").getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));

    // reminded half an hour before, overdue at its due time, and a quarter of an hour later Polda joins
    runJobsAt(pi, NOW.plus(Duration.ofMinutes(90)));
    runJobsAt(pi, NOW.plus(Duration.ofHours(2)));
    assertThat(groups(task(pi, "AcknowledgeEmergencyTask"))).containsExactly("polri7373");
    runJobsAt(pi, NOW.plus(Duration.ofMinutes(135)));
    assertThat(groups(task(pi, "AcknowledgeEmergencyTask"))).contains("polri7373", "polri73");
    submit(task(pi, "AcknowledgeEmergencyTask"), "poldasulsel", Map.of("acknowledgement", "Satu SSK diberangkatkan"));
    Report acknowledged = reports.find(pi.getBusinessKey()).orElseThrow();
    assertThat(acknowledged.acknowledgedBy()).isEqualTo("poldasulsel");
    assertThat(acknowledged.acknowledgement()).isEqualTo("Satu SSK diberangkatkan");

    // the routing also tells the province and the national desk
    submit(task(pi, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN", "category", "GANGGUAN_POSKO"));
    runJobs(pi);
    MimeMessage routed = mail("[Siaga Pilkada] Laporan kerawanan " + pi.getBusinessKey() + " untuk ditangani");
    assertThat(addresses(routed, Message.RecipientType.CC)).contains("kesbangpolsulsel@siaga.demo",
        "desknasional@siaga.demo", "kodimpalopo@siaga.demo");
  }

  @Test
  void aNonDaruratReportNeedsNoAcknowledgement() {
    ProcessInstance pi = file("polrespalopo", report("POLARISASI", "SEDANG", "Spanduk provokatif"));
    runJobs(pi);
    assertThat(task(pi, "AcknowledgeEmergencyTask")).isNull();
    assertThat(mailServer.received()).noneMatch(m -> subject(m).contains("DARURAT"));
  }

  @Test
  void asnNeutralityGoesToBawasluWhoseRecommendationAndSanctionAreRecorded() {
    ProcessInstance pi = file("pemdapalopo", report("NETRALITAS_ASN_TNI_POLRI", "SEDANG",
        "Lurah mengajak warga memilih pasangan tertentu"));
    submit(task(pi, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN",
        "category", "NETRALITAS_ASN_TNI_POLRI"));
    runJobs(pi);
    Task handle = task(pi, "HandleReportTask");
    assertThat(groups(handle)).containsExactly("bawaslu7373");
    // Bawaslu follows a report up within 3 days of receipt
    assertThat(handle.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    assertThatThrownBy(() -> submit(handle, "bawaslupalopo", Map.of("handlingDecision", "DITANGANI",
        "outcome", "DITINDAKLANJUTI", "outcomeNotes", "Terbukti"))).hasMessageContaining("Rekomendasi dan sanksi wajib diisi");
    submit(handle, "bawaslupalopo", Map.of("handlingDecision", "DITANGANI", "outcome", "DITINDAKLANJUTI",
        "outcomeNotes", "Terbukti melanggar netralitas", "sanction",
        "Rekomendasi ke BKN; wali kota menjatuhkan hukuman disiplin sedang"));
    Report resolved = reports.find(pi.getBusinessKey()).orElseThrow();
    assertThat(resolved.route()).isEqualTo("NETRALITAS");
    assertThat(resolved.sanction()).isEqualTo("Rekomendasi ke BKN; wali kota menjatuhkan hukuman disiplin sedang");
  }

  @Test
  void aSuspectedElectionOffenceWalksTheGakkumduStepsUnderTheirLimitsInWorkingDaysSkippingHolidays() {
    // Monday 7 December 2026, 10:00 WITA
    at(LocalDateTime.of(2026, 12, 7, 10, 0));
    ProcessInstance pi = file("polrespalopo", report("POLITIK_UANG", "SEDANG", "Amplop berisi uang dibagikan"));
    submit(task(pi, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN",
        "category", "POLITIK_UANG"));
    runJobs(pi);
    assertThat(task(pi, "HandleReportTask")).as("not the agencies' own handling").isNull();

    // Bawaslu reviews within 3 days; asks for more information once: 2 more days, and not twice
    Task review = task(pi, "ReviewOffenceTask");
    assertThat(groups(review)).containsExactly("bawaslu7373");
    assertThat(review.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 10, 10));
    at(LocalDateTime.of(2026, 12, 8, 10, 0));
    assertThatThrownBy(() -> submit(review, "bawaslupalopo", Map.of("stepDecision", "DILIMPAHKAN", "stepNotes", "x")))
        .hasMessageContaining("tidak ada pada Kajian Bawaslu");
    submit(review, "bawaslupalopo", Map.of("stepDecision", "PERLU_KETERANGAN", "stepNotes", "Saksi pasar diminta keterangan"));
    Task extended = task(pi, "ReviewOffenceTask");
    assertThat(extended.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 10, 10));
    assertThatThrownBy(() -> submit(extended, "bawaslupalopo", Map.of("stepDecision", "PERLU_KETERANGAN",
        "stepNotes", "lagi"))).hasMessageContaining("hanya dapat diminta sekali");
    at(LocalDateTime.of(2026, 12, 9, 10, 0));
    submit(extended, "bawaslupalopo", Map.of("stepDecision", "PIDANA", "stepNotes", "Memenuhi unsur Pasal 187A"));

    // the joint discussion: Bawaslu, Polres or Kejari record it, within a day
    Task discussion = task(pi, "DiscussOffenceTask");
    assertThat(groups(discussion)).containsExactlyInAnyOrder("bawaslu7373", "polri7373", "kejaksaan7373");
    assertThat(discussion.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 10, 10));
    at(LocalDateTime.of(2026, 12, 9, 15, 0));
    submit(discussion, "kejaripalopo", Map.of("stepDecision", "LANJUT_PENYIDIKAN", "stepNotes", "Sepakat disidik"));
    assertThat(reports.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(ReportOutcome.DITERUSKAN_KE_PENYIDIKAN);

    // Polres: 14 working days, past the cuti bersama of 24 and Christmas of 25 December and two weekends
    Task investigation = task(pi, "InvestigateOffenceTask");
    assertThat(groups(investigation)).containsExactly("polri7373");
    assertThat(investigation.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 31, 15));
    at(LocalDateTime.of(2026, 12, 22, 10, 0));
    submit(investigation, "polrespalopo", Map.of("stepDecision", "BERKAS_DILIMPAHKAN", "stepNotes", "Berkas tahap I"));

    // Kejari: 3 working days from Tuesday 22 December is Tuesday 29 December
    Task examination = task(pi, "ExamineFileTask");
    assertThat(groups(examination)).containsExactly("kejaksaan7373");
    assertThat(examination.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 29, 10));
    at(LocalDateTime.of(2026, 12, 23, 10, 0));
    submit(examination, "kejaripalopo", Map.of("stepDecision", "TIDAK_LENGKAP", "stepNotes", "Keterangan ahli belum ada"));
    Task completion = task(pi, "CompleteFileTask");
    assertThat(completion.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 30, 10));
    at(LocalDateTime.of(2026, 12, 28, 10, 0));
    submit(completion, "polrespalopo", Map.of("stepDecision", "DILENGKAPI", "stepNotes", "Keterangan ahli dilampirkan"));
    Task again = task(pi, "ExamineFileTask");
    assertThat(again.getDueDate().toInstant()).isEqualTo(wita(2026, 12, 31, 10));
    at(LocalDateTime.of(2026, 12, 29, 10, 0));
    submit(again, "kejaripalopo", Map.of("stepDecision", "LENGKAP", "stepNotes", "Berkas P-21"));
    submit(task(pi, "FileToCourtTask"), "kejaripalopo", Map.of("stepDecision", "DILIMPAHKAN",
        "stepNotes", "Dilimpahkan ke PN Palopo"));
    runJobs(pi);

    Report closed = reports.find(pi.getBusinessKey()).orElseThrow();
    assertThat(closed.status()).isEqualTo(Report.SELESAI);
    assertThat(closed.outcome()).isEqualTo(ReportOutcome.DITERUSKAN_KE_PENYIDIKAN);
    assertThat(reports.steps(pi.getBusinessKey())).extracting(ReportRepository.Step::step).containsExactly("KAJIAN",
        "KAJIAN", "PEMBAHASAN", "PENYIDIKAN", "PENELITIAN_BERKAS", "PELENGKAPAN_BERKAS", "PENELITIAN_BERKAS",
        "PELIMPAHAN");
    assertThat(reports.steps(pi.getBusinessKey())).allSatisfy(s -> assertThat(s.decidedAt()).isBeforeOrEqualTo(s.dueAt()));
    assertThat(ended(pi)).isTrue();
  }

  @Test
  void bawasluCanCloseOrReturnAReportAtItsReview() {
    ProcessInstance pi = file("polrespalopo", report("SISA_SURAT_SUARA", "SEDANG", "Surat suara sisa dibawa pulang"));
    submit(task(pi, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN",
        "category", "SISA_SURAT_SUARA"));
    runJobs(pi);
    submit(task(pi, "ReviewOffenceTask"), "bawaslupalopo", Map.of("stepDecision", "BUKAN_KEWENANGAN",
        "stepNotes", "Urusan logistik KPU, bukan pidana"));
    assertThat(reports.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(Report.DITERIMA);
    submit(task(pi, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TERUSKAN",
        "category", "HOAKS"));
    runJobs(pi);
    submit(task(pi, "ReviewOffenceTask"), "bawaslupalopo", Map.of("stepDecision", "TIDAK_TERBUKTI",
        "stepNotes", "Tidak ada saksi"));
    runJobs(pi);
    assertThat(reports.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(ReportOutcome.TIDAK_TERBUKTI);
    assertThat(ended(pi)).isTrue();
  }

  @Test
  void stageReadinessReadsTheRegionsOpenReportsBySeverity() {
    id.siaga.calendar.StageWorkstreamStatus status = workstreams.stream()
        .filter(w -> w.workstream().equals("early-warning-report")).findFirst().orElseThrow();
    assertThat(status.summary("e", PALOPO, "kampanye")).contains("Laporan kerawanan: 0 terbuka; 0 selesai dalam 30 hari terakhir");
    file("polrespalopo", report("BENTROKAN", "TINGGI", "a"));
    file("polrespalopo", report("BENTROKAN", "RENDAH", "b"));
    ProcessInstance rejected = file("polrespalopo", report("HOAKS", "DARURAT", "c"));
    submit(task(rejected, "TriageReportTask"), "kesbangpolpalopo", Map.of("triageDecision", "TOLAK",
        "rejectionReason", "Bukan kejadian di wilayah ini"));
    assertThat(status.summary("e", PALOPO, "kampanye"))
        .contains("Laporan kerawanan: 2 terbuka (1 tinggi, 1 rendah); 1 selesai dalam 30 hari terakhir");
    // a province reads its regencies' reports; another regency has none
    assertThat(status.summary("e", "73", "kampanye").orElseThrow()).startsWith("Laporan kerawanan: 2 terbuka");
    assertThat(status.summary("e", "73.71", "kampanye").orElseThrow()).startsWith("Laporan kerawanan: 0 terbuka");
  }

  @Test
  void onlyTheServerNamesAnotherFilerThroughTheRawanMessage() {
    Map<String, Object> message = id.siaga.threat.ThreatReports.report(PALOPO, WARA,
        id.siaga.threat.ThreatCategory.GANGGUAN_KEAMANAN, "TINGGI", LocalDateTime.ofInstant(NOW, WITA).minusHours(1),
        "Laporan situasi patroli ke-3: Kecamatan Wara berstatus rawan.", "polrespalopo");
    // a signed-in caller (an administrator: the message endpoint is theirs alone) cannot file for someone else
    EngineUsers.actAs(identity, "admin");
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByMessage("RawanSituationReported", message))
          .hasMessageContaining("Pelapor ditentukan oleh server");
    } finally {
      identity.clearAuthentication();
    }
    // the server (a patrol's job, nobody signed in) files for the officer; a filer who is nobody is refused
    ProcessInstance pi = runtime.startProcessInstanceByMessage("RawanSituationReported", message);
    Report filed = reports.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(filed.filedBy()).isEqualTo("polrespalopo");
    assertThat(filed.filedByGroup()).isEqualTo("polri7373");
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("filedByUser");
    Map<String, Object> nobody = new HashMap<>(message);
    nobody.put("filedByUser", "siapa");
    assertThatThrownBy(() -> runtime.startProcessInstanceByMessage("RawanSituationReported", nobody))
        .hasMessageContaining("bukan petugas instansi");
  }

  @Test
  void badFilingsAreRefusedWithClearErrorsAndNothingIsCreated() {
    assertRefused("kodimpalopo", with("regionCode", "73.99"), "Kode kabupaten/kota tidak dikenal");
    assertRefused("kodimpalopo", with("regionCode", "<b>73</b>"), "Kode kabupaten/kota");
    assertRefused("kodimpalopo", with("districtCode", "73.71.01"), "Kecamatan 73.71.01 tidak ada di Kota Palopo");
    assertRefused("kodimpalopo", with("observedAt", LocalDateTime.ofInstant(NOW, WITA).plusHours(2).toString()),
        "Waktu kejadian tidak boleh di masa depan");
    assertRefused("kodimpalopo", with("description", ""), "Uraian wajib diisi");
    assertRefused("kodimpalopo", with("description", "x".repeat(2001)), "Uraian");
    assertRefused("kodimpalopo", with("description", "<script>alert(1)</script>"), "tidak boleh berisi kode");
    assertRefused("kodimpalopo", with("category", "PEMILU_CURANG"), "Kategori");
    assertRefused("kodimpalopo", with("severity", "GENTING"), "Tingkat");
    // field staff file through their own agency; officers of another region cannot file here
    assertRefused("polrespalopo", with("onBehalfOf", "BABINSA"), "Babinsa melapor melalui instansinya");
    assertRefused("polresmakassar", report("BENTROKAN", "RENDAH", "x"), "bukan petugas instansi di Kota Palopo");
    assertThat(jdbc.queryForObject("select count(*) from siaga_report", Integer.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReportVariables.PROCESS_KEY).count()).isZero();
    // Babinsa through Kodim is accepted
    assertThat(file("kodimpalopo", with("onBehalfOf", "BABINSA")).getBusinessKey()).isEqualTo("LK-7373-2026-0001");
  }

  // ------------------------------------------------------------------ helpers

  static void at(LocalDateTime wita) {
    ClockUtil.setCurrentTime(Date.from(wita.atZone(WITA).toInstant()));
  }

  static Instant wita(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(WITA).toInstant();
  }

  static Map<String, Object> report(String category, String severity, String description) {
    Map<String, Object> form = new HashMap<>();
    form.put("regionCode", PALOPO);
    form.put("districtCode", WARA);
    form.put("category", category);
    form.put("severity", severity);
    form.put("observedAt", LocalDateTime.ofInstant(NOW.minus(Duration.ofHours(1)), WITA).toString());
    form.put("description", description);
    form.put("reporterContact", "pelapor@contoh.id");
    return form;
  }

  static Map<String, Object> with(String key, Object value) {
    Map<String, Object> form = report("BENTROKAN", "SEDANG", "Bentrokan kecil");
    form.put(key, value);
    return form;
  }

  void assertRefused(String user, Map<String, Object> form, String message) {
    assertThatThrownBy(() -> file(user, form)).as(form.toString()).hasMessageContaining(message);
  }

  ProcessInstance file(String user, Map<String, Object> form) {
    EngineUsers.actAs(identity, user);
    try {
      return forms.submitStartForm(repository.createProcessDefinitionQuery()
          .processDefinitionKey(ReportVariables.PROCESS_KEY).latestVersion().singleResult().getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  void submit(Task task, String user, Map<String, Object> form) {
    EngineUsers.actAs(identity, user);
    try {
      forms.submitTaskForm(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .toList();
  }

  boolean ended(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ClockUtil.setCurrentTime(Date.from(now.plusSeconds(61)));
    batches.sendReady();
    ClockUtil.setCurrentTime(Date.from(now));
  }

  void runJobsAt(ProcessInstance pi, Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(1)));
    runJobs(pi);
  }

  MimeMessage mail(String subjectStart) {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage m : mailServer.received()) {
      if (subject(m).startsWith(subjectStart)) {
        matching.add(m);
      }
    }
    assertThat(matching).as("mails starting with '%s'", subjectStart).hasSize(1);
    return matching.get(0);
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> addresses(MimeMessage m, Message.RecipientType type) throws Exception {
    return m.getRecipients(type) == null ? List.of()
        : java.util.Arrays.stream(m.getRecipients(type)).map(Object::toString).toList();
  }
}
