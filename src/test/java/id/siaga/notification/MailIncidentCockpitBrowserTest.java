package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An undelivered mail as the coordinators see it (issue 16, part 3): in real Cockpit, in headless
 * Chromium, the national desk opens the instance whose task's mail could not be sent and finds the
 * {@code mailDelivery} incident with its Indonesian message in the instance's incidents; once the
 * mail has gone out, the incident is gone from the same page.
 */
@SiagaSpringBootTest
class MailIncidentCockpitBrowserTest {

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  static final MailKind PROBE = new MailKind("PENGINGAT_UJI");
  static final String MESSAGE = "Surel PENGINGAT_UJI belum terkirim, dicoba lagi otomatis";

  @Autowired MailIncidents incidents;
  @Autowired MailOutbox outbox;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey("deadline-probe").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void theNationalDeskSeesTheUndeliveredMailAsAnIncidentOfTheInstanceInCockpitUntilItIsSent() {
    identity.clearAuthentication();
    String instanceId = runtime.startProcessInstanceByKey("deadline-probe", Map.of("agencyGroup", "polri7373",
        "regionCode", "73.73", "dueAt", "2026-12-10T18:00", "stageName", "Kampanye")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    MailKey key = MailKey.of("cockpit-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(key, task.getExecutionId());
    OutboxAttempts.fail(outbox, key);
    OutboxAttempts.fail(outbox, key);   // the second failed attempt reaches the threshold (siaga.mail.incident-after-attempts: 2)
    incidents.update();
    Incident incident = runtime.createIncidentQuery().incidentType(MailIncidents.TYPE).processInstanceId(instanceId)
        .singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).startsWith(MESSAGE);

    browser.login("desknasional");   // the national desk: Tasklist and Cockpit, reads every instance
    browser.driver().get(browser.base() + "/camunda/app/cockpit/default/#/process-instance/" + instanceId
        + "/runtime?tab=incidents-tab");
    browser.visible(By.xpath("//td[contains(normalize-space(.),'" + MESSAGE + "')]"));
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .contains(MESSAGE, "Mail server connection failed", MailIncidents.TYPE);
    browser.screenshot("cockpit-mail-incident");

    OutboxAttempts.sent(outbox, key);
    incidents.update();
    assertThat(runtime.createIncidentQuery().incidentType(MailIncidents.TYPE).processInstanceId(instanceId).count())
        .isZero();
    browser.driver().navigate().refresh();
    browser.visible(By.xpath("//*[normalize-space(text())='Tidak ada insiden']"));
    assertThat(browser.driver().findElements(By.xpath("//td[contains(normalize-space(.),'" + MESSAGE + "')]"))).isEmpty();
    browser.screenshot("cockpit-mail-incident-resolved");
  }
}
