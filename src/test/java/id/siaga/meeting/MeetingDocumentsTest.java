package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.assertRefused;
import static id.siaga.meeting.CoordinationMeetingDriver.held;
import static id.siaga.meeting.CoordinationMeetingDriver.item;
import static id.siaga.meeting.CoordinationMeetingDriver.items;
import static id.siaga.meeting.CoordinationMeetingDriver.report;
import static id.siaga.meeting.CoordinationMeetingDriver.scheduleForm;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.BoardSession;
import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A Rakor's official documents, parsed back with PDFBox: the invitation letter attached to the
 * invitation mail (its number, nature, "Dengan hormat", the local time "pukul 09.00 s.d. 10.30
 * WITA" of a meeting of an hour and a half), the attendance list with a deputy, the minutes and the
 * attendance list attached to the minutes mail once the meeting is held; the same PDFs downloaded
 * by the region's agencies from the meeting record, and nobody else's; bad letter fields refused.
 */
@SiagaSpringBootTest
class MeetingDocumentsTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired DevMailServer mailServer;
  @Autowired MailBatches batches;
  @Autowired Elections elections;
  @Autowired TestRestTemplate rest;

  /** Now: 2 December 2026, 08:00 WITA; the meeting: 15 December 2026, 09:00 WITA, in the campaign. */
  final Instant now = ZonedDateTime.of(2026, 12, 2, 8, 0, 0, 0, WITA).toInstant();
  final Instant meetingStart = ZonedDateTime.of(2026, 12, 15, 9, 0, 0, 0, WITA).toInstant();
  CoordinationMeetingDriver driver;
  /** Every PDF read goes to target/documents for a look (document-0.pdf, ...). */
  static int documents;
  String electionId;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(now));
    driver = new CoordinationMeetingDriver(forms, repository, identity, tasks);
    mailServer.start();
    mailServer.purge();
    electionId = elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void theLetterTheAttendanceListAndTheMinutesAreMailedAndDownloadableAsPdf() throws Exception {
    Map<String, Object> form = letterForm("2026-12-15T09:00");
    ProcessInstance pi = driver.start(form, "kesbangpolpalopo");
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    runJobs(pi);

    // the invitation mail: the letter as PDF beside the calendar file
    MimeMessage invitation = mail("[Siaga Pilkada] Undangan: Rakor kesiapan kampanye");
    assertThat(attachmentNames(invitation)).containsExactlyInAnyOrder("undangan-rakor.ics", "undangan-rakor.pdf");
    String letter = pdfText(attachment(invitation, "undangan-rakor.pdf"));
    assertThat(letter).contains("Palopo, 2 Desember 2026", "005/412/Kesbangpol/XII/2026", "Penting",
        "Undangan Rapat Koordinasi", "Dengan hormat,", "Selasa, 15 Desember 2026", "pukul 09.00 s.d. 10.30 WITA",
        "Aula Kantor Wali Kota Palopo", "Polres Palopo", "Kota Palopo");
    assertThat(html(invitation)).contains("Dengan hormat,").contains("pukul 09.00 s.d. 10.30 WITA");
    assertThat(pdfText(download("kpupalopo", meetingId, "undangan").getBody())).contains("005/412/Kesbangpol/XII/2026",
        "pukul 09.00 s.d. 10.30 WITA");

    // the reports: the police send a deputy for the head, KPU its head
    Map<String, Object> police = new HashMap<>(report(60, "[]", "SIAP", "Kendaraan patroli"));
    police.putAll(Map.of("attendeeName", "Kompol Andi Saputra", "attendeePosition", "Wakapolres",
        "attendeeIsDeputy", true, "attendeeOnBehalfOf", "Kapolres Palopo"));
    driver.submit(driver.task(pi, "SubmitReadinessReportTask", "polri7373"), "polrespalopo", police);
    Map<String, Object> kpu = new HashMap<>(report(0, "[]", "SIAP", "Logistik lengkap"));
    kpu.putAll(Map.of("attendeeName", "Citra Dewi", "attendeePosition", "Ketua KPU Kota Palopo"));
    driver.submit(driver.task(pi, "SubmitReadinessReportTask", "kpu7373"), "kpupalopo", kpu);

    String before = pdfText(download("polrespalopo", meetingId, "daftar-hadir").getBody());
    assertThat(before).contains("DAFTAR HADIR", "Kompol Andi Saputra", "Wakapolres", "mewakili Kapolres Palopo",
        "Citra Dewi", "Ketua KPU Kota Palopo", "Tanda tangan").doesNotContain("tidak hadir");
    ResponseEntity<byte[]> noMinutes = download("kpupalopo", meetingId, "notulen");
    assertThat(noMinutes.getStatusCode().value()).isEqualTo(404);

    // held: the police and KPU attended; the minutes mail carries the minutes and the attendance list
    ClockUtil.setCurrentTime(Date.from(meetingStart.plus(Duration.ofHours(3))));
    driver.submit(driver.task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373"), "kesbangpolpalopo",
        held(items(item("Patroli bersama di Wara", "POLRI", "2026-12-20"))));
    runJobs(pi);
    MimeMessage minutesMail = mail("[Siaga Pilkada] Notulen: Rakor kesiapan kampanye");
    assertThat(attachmentNames(minutesMail)).containsExactlyInAnyOrder("notulen-rakor.pdf", "daftar-hadir-rakor.pdf");
    String minutes = pdfText(attachment(minutesMail, "notulen-rakor.pdf"));
    assertThat(minutes).contains("NOTULEN RAPAT KOORDINASI", "Kompol Andi Saputra (Wakapolres, mewakili Kapolres Palopo)",
        "Citra Dewi (Ketua KPU Kota Palopo)", "Semua instansi menyampaikan kesiapan.", "Patroli bersama di Wara");
    String after = pdfText(attachment(minutesMail, "daftar-hadir-rakor.pdf"));
    assertThat(after).contains("Kompol Andi Saputra", "hadir", "tidak hadir");   // TNI and the others did not come
    assertThat(pdfText(download("kodimpalopo", meetingId, "notulen").getBody())).contains("NOTULEN RAPAT KOORDINASI");

    // the minutes mail links to the meeting's page, readable after the board's login, with the same PDFs
    String page = MeetingPages.path(meetingId);
    assertThat(html(minutesMail)).contains(page);
    BoardSession kpuSession = new BoardSession(rest);
    kpuSession.login("kpupalopo", SiagaSpringBootTest.DEMO_PASSWORD);
    String record = kpuSession.get(page).getBody();
    assertThat(record).contains("Rakor kesiapan kampanye", "Selasa, 15 Desember 2026 pukul 09.00 WITA", "90 menit",
        "005/412/Kesbangpol/XII/2026", "Kompol Andi Saputra, Wakapolres, mewakili Kapolres Palopo",
        "Patroli bersama di Wara", "Semua instansi menyampaikan kesiapan.", "tidak hadir",
        "Kesiapan logistik pemilihan: Kesiapan logistik pemilihan: sesuai rencana");
    assertThat(pdfText(kpuSession.download(page + "/notulen.pdf").getBody())).contains("NOTULEN RAPAT KOORDINASI");
    BoardSession makassar = new BoardSession(rest);
    makassar.login("polresmakassar", SiagaSpringBootTest.DEMO_PASSWORD);
    assertThat(makassar.get(page).getStatusCode().value()).isEqualTo(404);
    assertThat(makassar.download(page + "/undangan.pdf").getStatusCode().value()).isEqualTo(404);

    // nobody outside the region reads them; an unknown document is 404
    assertThat(download("polresmakassar", meetingId, "undangan").getStatusCode().value()).isEqualTo(404);
    assertThat(download("kpupalopo", meetingId, "rahasia").getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity("/api/meetings/" + meetingId + "/documents/undangan.pdf", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void badLetterFieldsAreRefusedAndScheduleNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).count();
    Map<String, Object> tooShort = letterForm("2026-12-16T09:00");
    tooShort.put("durationMinutes", "15");
    assertRefused(() -> driver.start(tooShort, "kesbangpolpalopo"), "Lama rapat (menit) harus antara 30 dan 480");
    Map<String, Object> secret = letterForm("2026-12-16T09:00");
    secret.put("letterNature", "RAHASIA");
    assertRefused(() -> driver.start(secret, "kesbangpolpalopo"), "Sifat surat");
    Map<String, Object> script = letterForm("2026-12-16T09:00");
    script.put("letterNumber", "<script>alert(1)</script>");
    assertRefused(() -> driver.start(script, "kesbangpolpalopo"), "Nomor surat tidak boleh berisi kode");
    Map<String, Object> long_ = letterForm("2026-12-16T09:00");
    long_.put("letterNumber", "9".repeat(101));
    assertRefused(() -> driver.start(long_, "kesbangpolpalopo"), "Nomor surat");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  // ------------------------------------------------------------------ helpers

  Map<String, Object> letterForm(String meetingAt) {
    Map<String, Object> form = new HashMap<>(scheduleForm(electionId, meetingAt,
        List.of("POLRI", "TNI", "KPU", "BAWASLU")));
    form.put("durationMinutes", "90");
    form.put("letterNumber", "005/412/Kesbangpol/XII/2026");
    form.put("letterNature", "PENTING");
    return form;
  }

  ResponseEntity<byte[]> download(String user, String meetingId, String document) {
    return rest.withBasicAuth(user, id.siaga.SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/meetings/" + meetingId + "/documents/" + document + ".pdf", byte[].class);
  }

  static String pdfText(byte[] pdf) throws IOException {
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "document-" + (documents++) + ".pdf"), pdf);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ").replaceAll(" ?\\r?\\n ?", "\n")
          .replaceAll("(?<=\\S)\\n(?=\\S)", " ");
    }
  }

  void runJobs(ProcessInstance pi) {
    CoordinationMeetingDriver.runJobs(management, pi);
    batches.sendReady();
  }

  MimeMessage mail(String subjectStart) throws Exception {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage message : mailServer.received()) {
      if (message.getSubject().startsWith(subjectStart)) {
        matching.add(message);
      }
    }
    assertThat(matching).as("mails starting with '%s'", subjectStart).isNotEmpty();
    return matching.get(0);
  }

  static List<String> attachmentNames(MimeMessage message) throws Exception {
    List<String> names = new ArrayList<>();
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      if (multipart.getBodyPart(i).getFileName() != null) {
        names.add(multipart.getBodyPart(i).getFileName());
      }
    }
    return names;
  }

  static byte[] attachment(MimeMessage message, String name) throws Exception {
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (name.equals(part.getFileName())) {
        return part.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no attachment " + name);
  }

  static String html(MimeMessage message) throws Exception {
    StringBuilder all = new StringBuilder();
    collect((Part) message, all);
    return all.toString();
  }

  private static void collect(Part part, StringBuilder all) throws Exception {
    if (part.isMimeType("text/html")) {
      all.append(part.getContent());
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), all);
      }
    }
  }
}
