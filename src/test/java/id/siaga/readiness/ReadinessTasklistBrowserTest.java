package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import id.siaga.calendar.Elections;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coordinator's two readiness forms in the real Tasklist, in headless Chromium: Kesbangpol
 * Palopo schedules the quiet period's Rakor from the readiness task (prefilled title and agencies,
 * one agency unticked) and declares a stage belum siap with notes. The real clock runs.
 * Screenshots go to target/browser.
 */
@SiagaSpringBootTest
class ReadinessTasklistBrowserTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final String PALOPO = "73.73";

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ReadinessRepository records;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void tearDown() {
    for (String key : List.of("stage-readiness", "coordination-meeting", "patrol-assignment")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test finished"));
    }
    jdbc.update("delete from siaga_stage_readiness");
    jdbc.update("delete from siaga_patrol_situation");
    jdbc.update("delete from siaga_patrol_stage");
  }

  @Test
  void theCoordinatorSchedulesTheStageRakorFromTheReadinessTask() {
    // voting in 40 days: the quiet period starts in 37, the Rakor is a fortnight from now
    LocalDate votingDay = LocalDate.now(WITA).plusDays(40);
    String electionId = elections.createSimulation("pilkada-2024", votingDay).id();
    ProcessInstance pi = start(electionId, "masa-tenang");
    Task schedule = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ScheduleRakorTask")
        .singleResult();

    browser.login("kesbangpolpalopo");
    browser.openTask(schedule.getId(), "Jadwalkan Rakor tahapan");
    browser.claimIfNeeded();
    WebElement note = browser.field("Rakor tahapan ini sejauh ini");
    browser.until(d -> "Belum ada Rakor untuk tahapan ini.".equals(note.getAttribute("value")));
    assertThat(browser.field("Judul rapat").getAttribute("value"))
        .isEqualTo("Rakor kesiapan tahapan Masa tenang Kota Palopo");
    List<WebElement> invited = browser.label("Instansi yang diundang")
        .findElements(By.xpath("ancestor::div[contains(@class,'fjs-form-field-checklist')][1]//input[@type='checkbox']"));
    assertThat(invited).hasSize(7).allMatch(WebElement::isSelected);
    browser.screenshot("readiness-01-schedule-rakor-form");

    LocalDate day = LocalDate.now(WITA).plusDays(14);
    browser.type(browser.field("Tanggal rapat"), day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.type(browser.field("Jam (waktu setempat)"), "10:00");
    browser.type(browser.field("Tempat"), "Ruang rapat Badan Kesbangpol Kota Palopo");
    browser.click(browser.option("Kejari / Kejati"));   // not invited
    browser.screenshot("readiness-02-schedule-rakor-filled");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(schedule.getId()).count() == 0);

    Map<String, Object> meeting = jdbc.queryForMap("select region_code, stage_code, convening_group, convened_by,"
        + " invited_groups, meeting_local, title from siaga_meeting where election_id = ?", electionId);
    assertThat(meeting).containsEntry("REGION_CODE", PALOPO).containsEntry("STAGE_CODE", "masa-tenang")
        .containsEntry("CONVENING_GROUP", "kesbangpol7373").containsEntry("CONVENED_BY", "kesbangpolpalopo")
        .containsEntry("MEETING_LOCAL", day + "T10:00")
        .containsEntry("TITLE", "Rakor kesiapan tahapan Masa tenang Kota Palopo");
    assertThat(((String) meeting.get("INVITED_GROUPS")).split(",")).hasSize(6).doesNotContain("kejaksaan7373");
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(pi.getId()).eventName("StageRakorHeld").count())
        .as("the readiness waits for the Rakor").isOne();
  }

  @Test
  void theCoordinatorDeclaresTheStageBelumSiapWithNotes() {
    // voting in 5 days: the quiet period starts in 2, so the declaration is open at once
    String electionId = elections.createSimulation("pilkada-2024", LocalDate.now(WITA).plusDays(5)).id();
    ProcessInstance pi = start(electionId, "masa-tenang");
    for (Job job : management.createJobQuery().processInstanceId(pi.getId()).timers().executable().list()) {
      management.executeJob(job.getId());
    }
    Task declare = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("DeclareReadinessTask")
        .singleResult();

    browser.login("kesbangpolpalopo");
    browser.openTask(declare.getId(), "Nyatakan kesiapan tahapan");
    browser.claimIfNeeded();
    WebElement summary = browser.field("Keadaan alur kerja tahapan");
    browser.until(d -> summary.getAttribute("value").contains("Rakor: belum dijadwalkan"));
    browser.click(browser.driver().findElement(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"
        + "//label[normalize-space(.)='Belum siap']//input")));
    browser.type(browser.field("Catatan (wajib bila tidak siap penuh)"), "Rakor belum terlaksana; patroli belum lengkap");
    browser.screenshot("readiness-03-declaration-filled");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(declare.getId()).count() == 0);

    StageReadinessRecord declared = records.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(declared.declaration()).isEqualTo(Declaration.BELUM_SIAP);
    assertThat(declared.declaredBy()).isEqualTo("kesbangpolpalopo");
    assertThat(declared.declarationNotes()).isEqualTo("Rakor belum terlaksana; patroli belum lengkap");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("SendNotReadyNoticeTask").count())
        .as("the notice to the province and the desk waits as a job").isOne();
  }

  ProcessInstance start(String electionId, String stageCode) {
    return runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", PALOPO).putValue("stageCode", stageCode).putValue("electionId", electionId));
  }
}
