package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.PALOPO;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import id.siaga.calendar.Elections;
import id.siaga.threat.ThreatCategory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordination meeting's Camunda Forms in the real Tasklist, in headless Chromium
 * ({@link TasklistBrowser}). The real clock runs: the meeting lies in the future, inside the
 * campaign stage of the election each test creates. Screenshots of every step (and of a failure) go
 * to target/browser.
 */
@SiagaSpringBootTest
class CoordinationMeetingTasklistBrowserTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired MeetingRepository meetings;
  @Autowired Elections elections;

  String electionId;

  @BeforeEach
  void setUp() {
    // voting day 20 January 2027: the campaign stage runs until 16 January 2027
    electionId = elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  // ------------------------------------------------------------------ tests

  @Test
  void policeReportReadinessInTasklistAndTheCoordinatorSeesTheSummary() {
    // the engine's clock before the meeting, whatever day the build runs
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        java.time.ZonedDateTime.of(2026, 11, 20, 8, 0, 0, 0, WITA).toInstant()));
    ProcessInstance pi = schedule("2026-12-20T09:37", List.of("POLRI", "KPU"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    Task report = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("SubmitReadinessReportTask").taskCandidateGroup("polri7373").singleResult();

    browser.login("polrespalopo");
    browser.openTask(report.getId(), "Laporan kesiapan");
    browser.claimIfNeeded();
    WebElement personnel = browser.field("Jumlah personel yang dikerahkan");
    assertThat(browser.label("Status kesiapan").isDisplayed()).isTrue();
    assertThat(browser.label("Kerawanan yang dilihat instansi Anda").isDisplayed()).isTrue();
    browser.screenshot("01-readiness-report-form");

    // a bad report: not ready, without notes; the server refuses it and the task stays open
    browser.type(personnel, "25");
    browser.click(browser.option("Politik uang"));
    browser.click(browser.option("Hoaks, disinformasi dan konten SARA"));
    browser.type(browser.field("Kebutuhan dan kendala"), "Perlu tambahan kendaraan patroli");
    // the police's own topic (KPU's, Bawaslu's ... are not asked of them)
    browser.type(browser.field("Titik rawan dan pengamanannya"), "Gudang logistik KPU, dijaga 24 jam");
    assertThat(browser.driver().findElements(By.xpath("//label[normalize-space(.)='Kesiapan logistik pemilihan']")))
        .as("KPU's topic is not shown to the police").isEmpty();
    browser.click(browser.option("Belum siap"));
    // who attends: the deputy, for the head (the field appears once the box is ticked)
    browser.type(browser.field("Nama pejabat yang akan hadir"), "Kompol Andi Saputra");
    browser.type(browser.field("Jabatan"), "Wakapolres");
    browser.click(browser.option("Hadir mewakili pimpinan instansi"));
    browser.type(browser.field("Mewakili (jabatan pimpinan)"), "Kapolres Palopo");
    browser.complete();
    String refused = "Isian tidak sah: Catatan kesiapan wajib diisi";
    WebElement error = browser.refusal(refused);
    browser.screenshot("02-readiness-report-refused");
    assertThat(tasks.createTaskQuery().taskId(report.getId()).count()).isOne();
    assertThat(meetings.reports(meetingId)).isEmpty();
    browser.dismiss(error, refused);

    // the good report
    browser.click(browser.option("Siap"));
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(report.getId()).count() == 0);
    browser.screenshot("03-readiness-report-completed");
    assertThat(meetings.reports(meetingId)).singleElement().satisfies(r -> {
      assertThat(r.agencyGroup()).isEqualTo("polri7373");
      assertThat(r.personnel()).isEqualTo(25);
      assertThat(r.threats()).containsExactlyInAnyOrder(ThreatCategory.POLITIK_UANG, ThreatCategory.HOAKS);
      assertThat(r.needs()).isEqualTo("Perlu tambahan kendaraan patroli");
      assertThat(r.readiness()).isEqualTo(ReportedReadiness.SIAP);
      assertThat(r.submittedBy()).isEqualTo("polrespalopo");
      assertThat(r.attendee()).isEqualTo(new ReadinessReport.Attendee("Kompol Andi Saputra", "Wakapolres",
          "Kapolres Palopo"));
      assertThat(r.topics()).containsExactly(java.util.Map.entry("vulnerablePoints", "Gudang logistik KPU, dijaga 24 jam"));
    });

    // the coordinator's task shows the summary so far in its disabled textarea
    Task outcome = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("RecordMeetingOutcomeTask").singleResult();
    browser.login("kesbangpolpalopo");
    browser.openTask(outcome.getId(), "Catat hasil rapat");
    browser.claimIfNeeded();
    WebElement summary = browser.field("Laporan kesiapan yang masuk");
    browser.until(d -> summary.getAttribute("value").startsWith("1 dari 2 laporan diterima"));
    assertThat(summary.isEnabled()).isFalse();
    assertThat(summary.getAttribute("value"))
        .contains("Polres Palopo: Siap, 25 personel; kerawanan: Politik uang, Hoaks, disinformasi dan konten SARA")
        .contains("KPU Kota Palopo: belum melapor");
    browser.screenshot("04-meeting-outcome-form");
    // held: the attendance lists the meeting's own agencies by name (the task's agencyOptions)
    browser.click(browser.option("Rapat dilaksanakan"));
    List<String> attendance = browser.label("Instansi yang hadir")
        .findElements(By.xpath("ancestor::div[contains(@class,'fjs-form-field-checklist')][1]//label"))
        .stream().map(WebElement::getText).map(String::trim).filter(t -> !t.isEmpty()).toList();
    assertThat(attendance).contains("Badan Kesbangpol Kota Palopo", "Polres Palopo", "KPU Kota Palopo");
    browser.screenshot("04b-meeting-outcome-held");

    // the record, once the meeting has begun (the engine's clock; the browser's date picker runs on
    // the real one, so the item's end date is a real future day): a joint, nightly action item of the
    // police and KPU, both chosen by name from the tag list
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        java.time.ZonedDateTime.of(2026, 12, 20, 12, 0, 0, 0, WITA).toInstant()));
    browser.click(browser.option("Polres Palopo"));
    browser.type(browser.field("Notulen (ringkasan)"), "Patroli malam bersama disepakati.");
    browser.type(browser.field("Tindak lanjut 1: uraian"), "Patroli malam bersama di titik rawan");
    browser.search("Tindak lanjut 1: instansi penanggung jawab (satu atau lebih)", "Polres", "Polres Palopo");
    browser.search("Tindak lanjut 1: instansi penanggung jawab (satu atau lebih)", "KPU", "KPU Kota Palopo");
    // the date picker refuses days before the browser's real today
    LocalDate due = java.util.stream.Stream.of(LocalDate.of(2026, 12, 22), LocalDate.now(WITA).plusDays(2))
        .max(java.util.Comparator.naturalOrder()).orElseThrow();
    browser.type(browser.field("Tindak lanjut 1: tenggat"), due.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.select("Tindak lanjut 1: pengulangan", "Setiap hari sampai tenggat");
    browser.screenshot("04c-meeting-outcome-joint-recurring-item");
    browser.complete();
    browser.until(d -> !meetings.actionItems(meetingId).isEmpty());
    assertThat(meetings.actionItems(meetingId)).extracting(ActionItem::ownerGroup, ActionItem::recurrence,
        ActionItem::dueLocal).containsExactly(
            org.assertj.core.groups.Tuple.tuple("polri7373", Recurrence.HARIAN, due),
            org.assertj.core.groups.Tuple.tuple("kpu7373", Recurrence.HARIAN, due));
  }

  @Test
  void theCoordinatorSchedulesAMeetingWithTheStartFormInTasklist() {
    browser.login("kesbangpolpalopo");
    browser.openStartForm("Rapat koordinasi (Rakor)");

    assertThat(browser.label("Wilayah").isDisplayed()).isTrue();
    assertThat(browser.label("Tahapan").isDisplayed()).isTrue();
    assertThat(browser.label("Judul rapat").isDisplayed()).isTrue();
    assertThat(browser.label("Agenda").isDisplayed()).isTrue();
    List<WebElement> invited = browser.label("Instansi yang diundang")
        .findElements(By.xpath("ancestor::div[contains(@class,'fjs-form-field-checklist')][1]//input[@type='checkbox']"));
    assertThat(invited).hasSize(7).allMatch(WebElement::isSelected);
    browser.screenshot("05-schedule-meeting-start-form");

    // fill and start it. The start form has no election field: the server takes the demo
    // profile's simulation election, whose campaign ends 17 days after the application started,
    // so the meeting is a week from today (the time picker offers quarters of an hour).
    LocalDate day = LocalDate.now(WITA).plusDays(7);
    String title = "Rakor kesiapan kampanye (Tasklist)";
    browser.search("Wilayah", "Palopo", "Kota Palopo (Sulawesi Selatan)");   // by name; the code goes to the server
    browser.select("Tahapan", "Kampanye");
    browser.type(browser.field("Judul rapat"), title);
    browser.type(browser.field("Tanggal rapat"), day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.type(browser.field("Jam (waktu setempat)"), "09:45");
    browser.select("Lama rapat", "1,5 jam");
    browser.type(browser.field("Nomor surat undangan"), "005/77/Kesbangpol/2026");
    browser.type(browser.field("Tempat"), "Aula Kantor Wali Kota Palopo");
    browser.type(browser.field("Agenda"), "1. Laporan kesiapan instansi");
    browser.click(browser.option("Kejari / Kejati")); // not invited
    browser.screenshot("06-schedule-meeting-filled");
    WebElement start = browser.clickable(By.cssSelector("button[ng-click='startProcessInstance()']"));
    assertThat(start.getText().trim()).isEqualTo("Mulai");
    browser.click(start);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
    browser.screenshot("07-schedule-meeting-started");

    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY)
        .variableValueEquals("title", title).singleResult();
    assertThat(pi).as("Rakor %s started from Tasklist", title).isNotNull();
    String meetingId = pi.getBusinessKey();
    assertThat(runtime.getVariable(pi.getId(), "convenedBy")).isEqualTo("kesbangpolpalopo");
    assertThat(meetings.find(meetingId)).get().satisfies(m -> {
      assertThat(m.title()).isEqualTo("Rakor kesiapan kampanye (Tasklist)");
      assertThat(m.meetingAt()).isEqualTo(day.atTime(9, 45).atZone(WITA).toInstant());
      assertThat(m.invitedGroups()).hasSize(6).doesNotContain("kejaksaan7373");
      assertThat(m.regionCode()).isEqualTo(PALOPO);
      assertThat(m.durationMinutes()).isEqualTo(90);
      assertThat(m.letter().number()).isEqualTo("005/77/Kesbangpol/2026");
      assertThat(m.letter().nature()).isEqualTo(LetterNature.BIASA);
    });
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("SubmitReadinessReportTask")
        .list()).hasSize(6).noneMatch(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> "kejaksaan7373".equals(l.getGroupId())));
  }

  @Test
  void tasklistSpeaksIndonesianToABrowserSetToEnglish() {
    ProcessInstance pi = schedule("2026-12-22T14:00", List.of("POLRI", "KPU"));
    Task report = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("SubmitReadinessReportTask").taskCandidateGroup("polri7373").singleResult();
    assertThat(browser.script("return navigator.language")).isEqualTo("en-US");

    browser.login("polrespalopo"); // checks the login page's Indonesian texts on the way
    // the chrome: header, start link, filters, search, task list with moment.js dates
    assertThat(browser.visible(By.xpath("//a[@ng-click='open()'][normalize-space(.)='Mulai proses']")).isDisplayed()).isTrue();
    assertThat(browser.visible(By.xpath("//*[contains(@class,'filters')]//*[contains(normalize-space(.),'Tugas saya')]")).isDisplayed())
        .isTrue();
    WebElement created = browser.visible(By.xpath("//li[contains(@class,'task')]//*[contains(@class,'creation-date')]"));
    browser.until(d -> created.getText().matches("Dibuat .+ yang lalu"));
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .doesNotContain("Start process").doesNotContain("Created").doesNotContain("Log out");

    browser.openTask(report.getId(), "Laporan kesiapan");
    WebElement claim = browser.visible(By.cssSelector("button.claim"));
    assertThat(claim.getText().trim()).isEqualTo("Ambil");
    browser.screenshot("00-tasklist-indonesian-unclaimed");
    browser.claimIfNeeded();
    WebElement complete = browser.visible(By.cssSelector("button[ng-click='complete()']"));
    assertThat(complete.getText().trim()).isEqualTo("Selesaikan");
    assertThat(browser.visible(By.cssSelector("button[ng-click='save($event)']")).getText().trim()).isEqualTo("Simpan");
    browser.screenshot("00-tasklist-indonesian");
    browser.script("arguments[0].scrollIntoView({block: 'center'});", complete);
    browser.screenshot("00-tasklist-indonesian-buttons");
  }

  // ------------------------------------------------------------------ engine

  ProcessInstance schedule(String meetingAt, List<String> invited) {
    return new CoordinationMeetingDriver(forms, repository, identity, tasks)
        .start(CoordinationMeetingDriver.scheduleForm(electionId, meetingAt, invited), "kesbangpolpalopo");
  }
}
