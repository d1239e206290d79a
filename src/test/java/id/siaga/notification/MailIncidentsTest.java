package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link MailIncidents} on outbox rows whose failures the test writes itself, the way
 * {@link Mailer} records them (claim, attempt, release with the error): the threshold, one incident
 * per execution, resolution once sent, an execution that has ended, a caller's login, two nodes at
 * once.
 */
@SiagaSpringBootTest
class MailIncidentsTest {

  static final MailKind PROBE = new MailKind("INCIDENT_PROBE");
  static final String ERROR = OutboxAttempts.ERROR;

  @Autowired MailIncidents incidents;
  @Autowired MailOutbox outbox;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void noUser() {
    identity.clearAuthentication();
  }

  @AfterEach
  void tearDown() {
    runtime.createProcessInstanceQuery().processDefinitionKey("deadline-probe").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void oneFailureRaisesNothingTheSecondRaisesOneIncidentWhichIsResolvedOnceSent() {
    Task task = startTask();
    MailKey key = MailKey.of("threshold-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(key, task.getExecutionId());

    incidents.update();
    assertThat(incidentsOn(task)).as("never failed").isEmpty();

    fail(key);
    incidents.update();
    assertThat(incidentsOn(task)).as("one failure").isEmpty();
    assertThat(outbox.find(key).orElseThrow().incidentId()).isNull();

    String owner = "retrying-" + UUID.randomUUID();
    assertThat(outbox.claim(key, owner, Instant.now(), Instant.now().plus(Duration.ofMinutes(5)))).isTrue();
    outbox.recordAttempt(key, "desk@siaga.demo", "uji");
    incidents.update();
    assertThat(incidentsOn(task)).as("the second attempt is still running").isEmpty();

    outbox.release(key, owner, ERROR);
    incidents.update();
    incidents.update();
    List<Incident> raised = incidentsOn(task);
    assertThat(raised).as("two failures: one incident, not one per round").hasSize(1);
    Incident incident = raised.get(0);
    assertThat(incident.getIncidentType()).isEqualTo(MailIncidents.TYPE);
    assertThat(incident.getExecutionId()).isEqualTo(task.getExecutionId());
    assertThat(incident.getActivityId()).isEqualTo("ProbeReportTask");
    assertThat(incident.getConfiguration()).isEqualTo(key.toString());
    assertThat(incident.getIncidentMessage())
        .isEqualTo("Surel INCIDENT_PROBE belum terkirim, dicoba lagi otomatis: " + ERROR);
    assertThat(outbox.find(key).orElseThrow().incidentId()).isEqualTo(incident.getId());

    sent(key);
    incidents.update();

    assertThat(incidentsOn(task)).as("resolved without anyone").isEmpty();
    HistoricIncident resolved = history.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult();
    assertThat(resolved.isResolved()).isTrue();
    assertThat(outbox.find(key).orElseThrow().incidentId()).isNull();
    assertThat(outbox.find(key).orElseThrow().status()).isEqualTo("SENT");
  }

  @Test
  void rowsOfOneExecutionFailingTogetherShareOneIncidentResolvedWhenTheLastIsSent() {
    Task task = startTask();
    String subject = "shared-" + UUID.randomUUID();
    MailKey first = new MailKey(subject, PROBE, "1");
    MailKey second = new MailKey(subject, new MailKind("INCIDENT_PROBE_B"), "2");
    outbox.insertPending(first, task.getExecutionId());
    outbox.insertPending(second, task.getExecutionId());
    for (int i = 0; i < 2; i++) {
      fail(first);
      fail(second);
    }

    incidents.update();

    List<Incident> raised = incidentsOn(task);
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).getConfiguration()).isEqualTo(first + " " + second);
    assertThat(raised.get(0).getIncidentMessage())
        .startsWith("2 surel (INCIDENT_PROBE, INCIDENT_PROBE_B) belum terkirim, dicoba lagi otomatis: ");
    sent(first);
    incidents.update();
    assertThat(incidentsOn(task)).as("one of its mails is still not sent").hasSize(1);
    sent(second);
    incidents.update();
    assertThat(incidentsOn(task)).isEmpty();
  }

  @Test
  void anExecutionThatHasEndedGetsNoIncidentAndItsRowIsNotTriedAgain() {
    Task task = startTask();
    MailKey key = MailKey.of("gone-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(key, task.getExecutionId());
    runtime.deleteProcessInstance(task.getProcessInstanceId(), "ended before its mail could be sent");
    fail(key);
    fail(key);

    incidents.update();

    assertThat(outbox.find(key).orElseThrow().incidentId()).isEqualTo(MailIncidents.NO_EXECUTION);
    assertThat(runtime.createIncidentQuery().incidentType(MailIncidents.TYPE)
        .processInstanceId(task.getProcessInstanceId()).count()).isZero();
    assertThat(outbox.failingWithoutIncident(2)).extracting(MailOutbox.Failing::key).doesNotContain(key);
    fail(key);
    incidents.update();
    assertThat(outbox.find(key).orElseThrow().incidentId()).isEqualTo(MailIncidents.NO_EXECUTION);
  }

  @Test
  void anIncidentWhoseInstanceEndedMeanwhileIsClearedOnceTheMailIsSent() {
    Task task = startTask();
    MailKey key = MailKey.of("ended-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(key, task.getExecutionId());
    fail(key);
    fail(key);
    incidents.update();
    String incidentId = outbox.find(key).orElseThrow().incidentId();
    assertThat(incidentsOn(task)).extracting(Incident::getId).containsExactly(incidentId);

    runtime.deleteProcessInstance(task.getProcessInstanceId(), "ended while its mail was failing");
    sent(key);
    incidents.update();

    assertThat(outbox.find(key).orElseThrow().incidentId()).isNull();
    assertThat(history.createHistoricIncidentQuery().incidentId(incidentId).singleResult().isDeleted())
        .as("deleted with its execution, nothing left to resolve").isTrue();
  }

  @Test
  void aRoundOnAThreadWhereAnOfficerIsLoggedInRunsAsTheApplicationAndLeavesTheLoginAsItWas() {
    Task task = startTask();
    MailKey key = MailKey.of("caller-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(key, task.getExecutionId());
    fail(key);
    fail(key);
    identity.setAuthentication("polrespalopo", List.of("polri7373"));
    try {
      incidents.update();
      assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("polrespalopo");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(incidentsOn(task)).as("not refused as an officer's use of an operator tool").hasSize(1);
  }

  @Test
  void twoNodesRaisingAtTheSameMomentRaiseOneIncidentPerExecution() throws Exception {
    List<Task> started = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Task task = startTask();
      started.add(task);
      MailKey key = MailKey.of("nodes-" + UUID.randomUUID(), PROBE);
      outbox.insertPending(key, task.getExecutionId());
      fail(key);
      fail(key);
    }
    MailIncidents nodeA = new MailIncidents(outbox, runtime, identity, transactions, 2);
    MailIncidents nodeB = new MailIncidents(outbox, runtime, identity, transactions, 2);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<MailIncidents.Round> a = nodes.submit(() -> {
        together.await();
        return nodeA.update();
      });
      Future<MailIncidents.Round> b = nodes.submit(() -> {
        together.await();
        return nodeB.update();
      });
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
      // a node that lost a lock conflict leaves the execution to the next round
      nodeA.update();
    } finally {
      nodes.shutdownNow();
    }
    for (Task task : started) {
      assertThat(incidentsOn(task)).as("incidents on " + task.getExecutionId()).hasSize(1);
    }
  }

  private List<Incident> incidentsOn(Task task) {
    return runtime.createIncidentQuery().incidentType(MailIncidents.TYPE).executionId(task.getExecutionId()).list();
  }

  private void fail(MailKey key) {
    OutboxAttempts.fail(outbox, key);
  }

  private void sent(MailKey key) {
    OutboxAttempts.sent(outbox, key);
  }

  private Task startTask() {
    String id = runtime.startProcessInstanceByKey("deadline-probe", Map.of("agencyGroup", "polri7373",
        "regionCode", "73.73", "dueAt", "2026-12-10T18:00", "stageName", "Kampanye")).getId();
    return tasks.createTaskQuery().processInstanceId(id).singleResult();
  }
}
