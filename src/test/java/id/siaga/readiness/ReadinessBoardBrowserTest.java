package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import id.siaga.calendar.Elections;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The readiness board in headless Chromium: the province coordinator of Sulawesi Selatan logs in on
 * the board's own login page, opens the matrix of their province, filters it to escalated cells,
 * drills into Kota Palopo, finds the late, escalated Rakor schedule task at the top of the open
 * tasks, and follows its link into Tasklist, where the same task opens. The page is also looked at
 * phone-wide. Screenshots go to target/browser.
 */
@SiagaSpringBootTest
class ReadinessBoardBrowserTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final String PALOPO = "73.73";

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    for (String key : List.of("stage-readiness", "coordination-meeting", "patrol-assignment")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test finished"));
    }
    jdbc.update("delete from siaga_stage_readiness");
    jdbc.update("delete from siaga_patrol_situation");
    jdbc.update("delete from siaga_patrol_stage");
  }

  @Test
  void aProvinceCoordinatorFiltersTheMatrixDrillsIntoARegionAndOpensTheLateTaskInTasklist() {
    // voting in 44 days: the quiet period's Rakor is due in a month; the clock is moved past it and a day
    // on, so the schedule task is late and has climbed to the province (the real clock runs afterwards).
    // (A simulation's id is its voting day: ReadinessTasklistBrowserTest schedules a Rakor on the one in 40 days.)
    String electionId = elections.createSimulation("pilkada-2024", LocalDate.now(WITA).plusDays(44)).id();
    ProcessInstance pi = runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", PALOPO).putValue("electionId", electionId).putValue("stageCode", "masa-tenang"));
    Task schedule = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ScheduleRakorTask")
        .singleResult();
    assertThat(schedule).as("no Rakor yet for this election's quiet period in Palopo").isNotNull();
    ClockUtil.setCurrentTime(Date.from(schedule.getDueDate().toInstant().plus(Duration.ofDays(1)).plusSeconds(60)));
    for (Job job : management.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
      management.executeJob(job.getId());
    }

    // the board's login page, in Bahasa Indonesia; then the page asked for
    browser.driver().manage().deleteAllCookies();
    browser.driver().get(browser.base() + "/papan/" + electionId + "?province=73");
    WebElement user = browser.visible(By.name("username"));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Masuk");
    user.sendKeys("kesbangpolsulsel");
    browser.driver().findElement(By.name("password")).sendKeys(SiagaSpringBootTest.DEMO_PASSWORD);
    browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    browser.visible(By.cssSelector("table.matrix"));
    assertThat(browser.driver().findElement(By.tagName("header")).getText()).contains("Masuk sebagai kesbangpolsulsel");
    List<String> regions = regionsShown();
    assertThat(regions).contains("73", "73.71", PALOPO).allMatch(code -> code.equals("73") || code.startsWith("73."));
    WebElement palopoQuiet = browser.driver().findElement(By.cssSelector(
        "tr[data-region='73.73'] td[data-stage='masa-tenang']"));
    assertThat(palopoQuiet.getText()).startsWith("dieskalasi");   // a text label beside the colour
    browser.screenshot("board-01-matrix-province");

    // filter: escalated cells only
    new Select(browser.driver().findElement(By.id("f-state"))).selectByVisibleText("dieskalasi");
    browser.driver().findElement(By.xpath("//button[normalize-space(.)='Terapkan']")).click();
    browser.until(d -> d.getCurrentUrl().contains("state=DIESKALASI"));
    assertThat(regionsShown()).containsExactly(PALOPO);
    assertThat(browser.driver().findElement(By.cssSelector("#counts strong[data-state='DIESKALASI']")).getText())
        .isEqualTo("1");
    browser.screenshot("board-02-matrix-escalated");

    // drill into the region: the late, escalated task first, with agency, local due time and level
    browser.driver().findElement(By.linkText("Kota Palopo")).click();
    WebElement first = browser.visible(By.cssSelector("#open-tasks tbody tr"));
    assertThat(first.getAttribute("data-task")).isEqualTo(schedule.getId());
    assertThat(first.getText()).contains("Jadwalkan Rakor tahapan", "Kesiapan tahapan", "TERLAMBAT", "tingkat 1", "WITA");
    assertThat(browser.driver().findElement(By.id("tahap-masa-tenang")).getText())
        .contains("Masa tenang", "dieskalasi", "Rakor: belum dijadwalkan", "belum dinyatakan");
    assertThat(browser.driver().findElement(By.id("audit")).getText())
        .contains("Tugas dibuat", "Dieskalasi tingkat 1 ke kesbangpol73");
    browser.screenshot("board-03-region");
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.screenshot("board-04-region-phone");
    assertThat(browser.driver().findElement(By.id("open-tasks")).isDisplayed()).isTrue();
    browser.driver().manage().window().setSize(new Dimension(1400, 1100));

    // follow the task's link into Tasklist: its own login, then the same task
    first.findElement(By.linkText("Tasklist")).click();
    WebElement tasklistUser = browser.visible(By.cssSelector("input[ng-model='username']"));
    tasklistUser.sendKeys("kesbangpolsulsel");
    browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys(SiagaSpringBootTest.DEMO_PASSWORD);
    browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    browser.visible(By.xpath("//*[contains(@class,'task-details')]//*[normalize-space(text())='Jadwalkan Rakor tahapan']"));
    assertThat(browser.driver().getCurrentUrl()).contains("task=" + schedule.getId());
    browser.screenshot("board-05-tasklist-task");
  }

  List<String> regionsShown() {
    return browser.driver().findElements(By.cssSelector("table.matrix tbody tr")).stream()
        .map(row -> row.getAttribute("data-region")).toList();
  }
}
