package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import id.siaga.calendar.Elections;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.FormService;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The situation report in the real Tasklist, in headless Chromium ({@link TasklistBrowser}): Polres
 * Palopo files the report of the period running now, one row per kecamatan named by the server,
 * and marks Wara rawan. The real clock runs: the quiet period of an election two days ahead.
 * Screenshots go to target/browser.
 */
@SiagaSpringBootTest
class PatrolTasklistBrowserTest {

  static final String PALOPO = "73.73";

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired PatrolRepository records;
  @Autowired RegionRepository regions;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void tearDown() {
    PatrolDriver.clearAll(runtime, jdbc);
  }

  @Test
  void polresFilesTheSituationOfEveryKecamatanAndARawanOneAlertsTheCoordinator() {
    PatrolDriver driver = new PatrolDriver(runtime, tasks, forms, management);
    String electionId = elections.createSimulation("pilkada-2024", LocalDate.now().plusDays(2)).id();
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    driver.submit(driver.task(pi, "ReviewPlanTask"), PatrolDriver.review(5000));
    driver.runJobsAt(pi, Instant.now());
    Task report = driver.task(pi, "FileSituationReportTask");
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    List<Region> kecamatan = regions.findChildren(PALOPO);

    browser.login("polrespalopo");
    browser.openTask(report.getId(), "Kirim laporan situasi");
    browser.claimIfNeeded();
    // every kecamatan of the region offered by name and code, in each checklist
    Region wara = kecamatan.get(0);
    String waraLabel = wara.name() + " (" + wara.code() + ")";
    browser.until(d -> options("Kecamatan berstatus rawan", waraLabel).size() == 1);
    assertThat(options("Kecamatan berstatus waspada", kecamatan.get(1).name() + " (" + kecamatan.get(1).code() + ")"))
        .hasSize(1);
    browser.screenshot("patrol-01-situation-report-form");

    browser.click(options("Kecamatan berstatus rawan", waraLabel).get(0));
    browser.type(browser.field("Jumlah insiden dalam periode ini"), "2");
    browser.click(options("Kecamatan tempat insiden terjadi (wajib bila ada insiden)", waraLabel).get(0));
    browser.type(browser.field("Uraian insiden (wajib bila ada insiden)"), "Dua kelompok pendukung saling ejek, dilerai");
    browser.screenshot("patrol-02-situation-report-filled");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(report.getId()).count() == 0);

    PatrolReport filed = records.report(stage.stagePlanId(), records.reports(stage.stagePlanId()).get(0).reportNumber())
        .orElseThrow();
    assertThat(filed.status()).isEqualTo(PatrolReport.Status.FILED);
    assertThat(filed.filedBy()).isEqualTo("polrespalopo");
    assertThat(filed.incidents()).isEqualTo(2);
    assertThat(records.lastSituations(stage.stagePlanId())).hasSize(kecamatan.size())
        .containsEntry(wara.code(), Situation.RAWAN).containsEntry(kecamatan.get(1).code(), Situation.AMAN);
    assertThat(records.situations(stage.stagePlanId(), filed.reportNumber())).filteredOn(r -> r.hadIncident())
        .extracting(PatrolRepository.SituationRow::districtCode).containsExactly(wara.code());
    // the alert to the coordinator waits as a job (sent at once by the job executor)
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("NotifyCoordinatorTask").count())
        .isOne();
  }

  @Test
  void polresOverridesAKecamatansPlanWithAReasonInTheReviewForm() {
    PatrolDriver driver = new PatrolDriver(runtime, tasks, forms, management);
    String electionId = elections.createSimulation("pilkada-2024", LocalDate.now().plusDays(2)).id();
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    Task review = driver.task(pi, "ReviewPlanTask");
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    String wara = regions.findChildren(PALOPO).get(0).code();

    browser.login("polrespalopo");
    browser.openTask(review.getId(), "Tinjau rencana patroli");
    browser.claimIfNeeded();
    WebElement plan = browser.field("Rencana per kecamatan (tabel patrol-plan)");
    browser.until(d -> plan.getAttribute("value").contains("3 patroli/hari × 4 personel Polri"));
    Region waraRegion = regions.findChildren(PALOPO).get(0);
    browser.click(options("Kecamatan yang rencananya diubah", waraRegion.name() + " (" + wara + ")").get(0));
    browser.type(browser.field("Patroli per hari (untuk kecamatan yang dicentang)"), "4");
    browser.type(browser.field("Personel Polri per patroli (untuk kecamatan yang dicentang)"), "5");
    browser.click(browser.driver().findElement(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"
        + "[.//label[normalize-space(text())='Gabungan dengan TNI (untuk kecamatan yang dicentang)']]"
        + "//label[normalize-space(.)='Ya']//input")));
    browser.type(browser.field("Alasan perubahan"), "Pusat kota, konsentrasi massa");
    browser.type(browser.field("Personel Polres yang tersedia untuk patroli"), "500");
    browser.screenshot("patrol-03-plan-review-override");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);

    PatrolDistrict overridden = records.district(stage.stagePlanId(), wara).orElseThrow();
    assertThat(overridden.plan()).isEqualTo(new PlanRow(4, true, 12, 5));
    assertThat(overridden.overrideReason()).isEqualTo("Pusat kota, konsentrasi massa");
    assertThat(records.findStage(stage.stagePlanId()).orElseThrow().reviewedBy()).isEqualTo("polrespalopo");
  }

  /** The checkbox of an option of the form-js checklist with this label. */
  List<WebElement> options(String checklist, String option) {
    return browser.driver().findElements(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]"
        + "[.//label[normalize-space(text())='" + checklist + "']]//label[normalize-space(.)='" + option + "']"))
        .stream().map(l -> l.getAttribute("for") == null || l.getAttribute("for").isEmpty()
            ? l.findElement(By.tagName("input")) : browser.driver().findElement(By.id(l.getAttribute("for"))))
        .toList();
  }
}
