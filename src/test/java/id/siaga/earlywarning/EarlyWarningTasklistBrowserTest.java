package id.siaga.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An early-warning report through the real Tasklist, in headless Chromium: Kodim Palopo files it
 * with the start form for a Babinsa, Kesbangpol triages it (the reporter visible to it), Polres
 * handles it. The forms' conditional fields must let each form complete. Screenshots go to
 * target/browser.
 */
@SiagaSpringBootTest
class EarlyWarningTasklistBrowserTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ReportRepository reports;
  @Autowired JdbcTemplate jdbc;

  @org.junit.jupiter.api.BeforeEach
  void cleanBefore() {
    tearDown();
  }

  @AfterEach
  void tearDown() {
    ReportTestData.clear(runtime, jdbc);
  }

  @Test
  void kodimFilesForABabinsaKesbangpolTriagesAndPolresHandlesIt() {
    browser.login("kodimpalopo");
    browser.openStartForm("Laporan kerawanan");
    LocalDateTime observed = LocalDateTime.now(WITA).minusHours(2);
    browser.type(browser.field("Kode kabupaten/kota (Kemendagri)"), "73.73");
    browser.type(browser.field("Kode kecamatan (Kemendagri)"), "73.73.01");
    browser.select("Kategori", "Bentrokan antarpendukung");
    browser.click(browser.option("Tinggi"));
    browser.type(browser.field("Tanggal kejadian"), observed.toLocalDate().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.type(browser.field("Jam kejadian (waktu setempat)"), String.format("%02d:00", observed.getHour()));
    browser.type(browser.field("Uraian kejadian"), "Dua kelompok pendukung saling lempar batu di depan pasar");
    browser.select("Atas nama petugas lapangan (bila ada)", "Babinsa (melalui Kodim)");
    browser.type(browser.field("Kontak pelapor (e-mail atau telepon, bila ada)"), "0812-0000-1111");
    browser.screenshot("early-warning-01-start-form");
    browser.click(browser.clickable(By.cssSelector("button[ng-click='startProcessInstance()']")));
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
    ProcessInstance pi = browser.until(d -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ReportVariables.PROCESS_KEY).singleResult());
    Report filed = reports.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(filed.onBehalfOf()).isEqualTo(FieldStaff.BABINSA);
    assertThat(filed.filedByGroup()).isEqualTo("tni7373");
    assertThat(filed.severity()).isEqualTo(Severity.TINGGI);

    // triage sees who reported and the table's suggestion, and forwards it
    Task triage = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("TriageReportTask").singleResult();
    browser.login("kesbangpolpalopo");
    browser.openTask(triage.getId(), "Triase laporan kerawanan");
    browser.claimIfNeeded();
    WebElement reporter = browser.field("Pelapor (hanya untuk triase)");
    browser.until(d -> reporter.getAttribute("value").contains("kodimpalopo"));
    assertThat(reporter.getAttribute("value")).contains("Babinsa", "0812-0000-1111");
    browser.click(browser.option("Teruskan ke instansi penangan menurut tabel rute"));
    browser.screenshot("early-warning-02-triage");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(triage.getId()).count() == 0);
    management.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .forEach(job -> management.executeJob(job.getId()));

    // Polres handles it, not seeing who reported
    Task handle = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("HandleReportTask").singleResult();
    browser.login("polrespalopo");
    browser.openTask(handle.getId(), "Tangani laporan kerawanan");
    browser.claimIfNeeded();
    assertThat(browser.driver().findElement(By.cssSelector(".fjs-form")).getText()).doesNotContain("kodimpalopo")
        .doesNotContain("0812-0000-1111");
    browser.click(browser.option("Ditangani"));
    browser.click(browser.option("Selesai"));
    browser.type(browser.field("Uraian penanganan"), "Kedua kelompok dilerai; situasi kondusif");
    browser.screenshot("early-warning-03-handling");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(handle.getId()).count() == 0);
    Report resolved = reports.find(filed.reportId()).orElseThrow();
    assertThat(resolved.status()).isEqualTo(Report.SELESAI);
    assertThat(resolved.outcome()).isEqualTo(ReportOutcome.SELESAI);
    assertThat(resolved.resolvedBy()).isEqualTo("polrespalopo");
  }
}
