package id.siaga.escalation;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The one place that says when a user task is due, when it is reminded and when it escalates.
 * Used by expressions in every diagram:
 * <pre>
 *   userTask  camunda:dueDate="${deadlines.due(execution, 'SubmitReportTask')}"
 *   reminder  timeDate  ="${deadlines.reminder(execution, 'SubmitReportTask')}"
 *   overdue   timeDate  ="${deadlines.due(execution, 'SubmitReportTask')}"
 *   escalate  timeCycle ="${deadlines.escalationCycle(execution, 'SubmitReportTask')}"
 * </pre>
 * The due rule is the task's extension property {@code due} ("H-1 18:00", "var:meetingAt-1 12:00"),
 * read in the region of the instance's {@code regionCode} and the calendar of its
 * {@code electionId}; lead time, interval and levels come from {@link DeadlineSettings}. Every
 * expression computes the same instant from the same inputs.
 */
@Component("deadlines")
public class TaskDeadlines {

  public static final String DUE_PROPERTY = "due";
  public static final String ELECTION_ID = "electionId";
  /** Execution-local variable: when a rule without anchor started counting. */
  public static final String COUNTED_FROM = "dueCountedFrom";

  private final LocalDeadlines localDeadlines;
  private final DeadlineSettings settings;
  private final Map<String, String> dueRules = new ConcurrentHashMap<>();

  TaskDeadlines(LocalDeadlines localDeadlines, DeadlineSettings settings) {
    this.localDeadlines = localDeadlines;
    this.settings = settings;
  }

  public Date due(VariableScope execution, String taskKey) {
    return Date.from(dueInstant(execution, taskKey));
  }

  public Date reminder(VariableScope execution, String taskKey) {
    return Date.from(dueInstant(execution, taskKey).minus(settings.forTask(taskKey).reminderBefore()));
  }

  /**
   * {@code R<maxLevel - 1>/<first escalation>/<interval>}: the first level one interval after the
   * due date, then one per interval. A Camunda cycle with a start date fires at the start and then
   * R more times, so this fires exactly maxLevel times.
   */
  public String escalationCycle(VariableScope execution, String taskKey) {
    DeadlineSettings.Effective effective = settings.forTask(taskKey);
    Instant first = dueInstant(execution, taskKey).plus(effective.escalationEvery());
    return "R" + (effective.maxLevel() - 1) + "/" + first + "/" + effective.escalationEvery();
  }

  Instant dueInstant(VariableScope execution, String taskKey) {
    String processDefinitionId = processDefinitionId(execution);
    String rule = dueRules.computeIfAbsent(processDefinitionId + "#" + taskKey,
        key -> readDueRule(processDefinitionId, taskKey));
    Object region = execution.getVariable(Region.PROCESS_VARIABLE);
    if (region == null) {
      throw new IllegalStateException("the process has no variable " + Region.PROCESS_VARIABLE + " for the due date of " + taskKey);
    }
    Object election = execution.getVariable(ELECTION_ID);
    return localDeadlines.deadline(election == null ? null : election.toString(), region.toString(), rule,
        execution::getVariable, () -> countedFrom(execution));
  }

  /**
   * The moment a rule without anchor ({@code +2j}) counts from: the engine's clock the first time
   * the task's deadlines are computed, kept on the task's execution ({@value #COUNTED_FROM}) so
   * that the due date and the timers computed after it name the same instant.
   */
  private static Instant countedFrom(VariableScope execution) {
    Object kept = execution.getVariableLocal(COUNTED_FROM);
    if (kept instanceof Date date) {
      return date.toInstant();
    }
    Date now = ClockUtil.getCurrentTime();
    execution.setVariableLocal(COUNTED_FROM, now);
    return now.toInstant();
  }

  private static String processDefinitionId(VariableScope scope) {
    if (scope instanceof ExecutionEntity execution) {
      return execution.getProcessDefinitionId();
    }
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
      return task.getProcessDefinitionId();
    }
    throw new IllegalArgumentException("no process definition for " + scope);
  }

  private static String readDueRule(String processDefinitionId, String taskKey) {
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getRepositoryService()
        .getBpmnModelInstance(processDefinitionId);
    BaseElement task = model.getModelElementById(taskKey);
    if (task == null || task.getExtensionElements() == null) {
      throw new IllegalStateException("task " + taskKey + " has no extension property '" + DUE_PROPERTY + "'");
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> DUE_PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("task " + taskKey + " has no extension property '"
            + DUE_PROPERTY + "'"));
  }
}
