package id.siaga.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A due time computed by a DMN table and kept in a variable: the test model {@code dmn-due-probe}
 * decides the due rule from the report's severity ({@code emergency-due.dmn}), keeps it in
 * {@code dueRule}, and the task's due rule {@code rule:dueRule} reads it, in hours or in working
 * days that skip national holidays and cuti bersama.
 */
@SiagaSpringBootTest
class DmnDueRuleTest {

  /** Tuesday 26 November 2024, 10:00 WITA in Kota Palopo; the next day, voting day, was a national holiday. */
  static final Instant REPORTED = Instant.parse("2024-11-26T02:00:00Z");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey("dmn-due-probe").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      // two hours after the report
      "tinggi, var:reportedAt+2j,        2024-11-26T04:00:00Z",
      // the next working day at the same time: 27 Nov (Keppres 33/2024) is skipped
      "sedang, var:reportedAt+1hk,       2024-11-28T02:00:00Z",
      // three working days, 16:00 WITA: Thu 28, Fri 29, Mon 2 Dec
      "rendah, var:reportedAt+3hk 16:00, 2024-12-02T08:00:00Z"
  })
  void theTableDecidesTheRuleAndTheTaskIsDueByIt(String severity, String rule, Instant due) {
    Task task = start(severity);

    assertThat(runtime.getVariable(task.getProcessInstanceId(), "dueRule")).isEqualTo(rule);
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);
  }

  @Test
  void anEmergencyIsDueTwoHoursAfterTheTaskWasCreated() {
    Instant created = Instant.parse("2026-12-10T05:17:00Z");
    ClockUtil.setCurrentTime(Date.from(created));

    Task task = start("darurat");

    assertThat(runtime.getVariable(task.getProcessInstanceId(), "dueRule")).isEqualTo("+2j");
    assertThat(task.getDueDate().toInstant()).isEqualTo(created.plus(Duration.ofHours(2)));
    ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofMinutes(30))));
    assertThat(runtime.getVariable(task.getExecutionId(), TaskDeadlines.COUNTED_FROM))
        .as("kept, so that a later computation for the same task names the same instant")
        .isEqualTo(Date.from(created));
  }

  private Task start(String severity) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("severity", severity);
    variables.put("reportedAt", Date.from(REPORTED));
    variables.put("regionCode", "73.73");
    variables.put("agencyGroup", "polri7373");
    ProcessInstance instance = runtime.startProcessInstanceByKey("dmn-due-probe", variables);
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}
