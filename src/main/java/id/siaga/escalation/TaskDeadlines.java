package id.siaga.escalation;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The one place that says when a user task is due, when it is reminded and when it escalates.
 * Used by two expressions on every user task, neither of which names the task: it is the activity
 * the expression runs in (the user task, or the multi-instance body it belongs to).
 * <pre>
 *   userTask       camunda:dueDate="${deadlines.due(execution)}"
 *   boundary timer timeCycle      ="${deadlines.cycle(execution)}"   (non-interrupting, "Tenggat")
 * </pre>
 * The due rule is the task's extension property {@code due} ("H-1 18:00", "var:meetingAt-1 12:00"),
 * or an expression that gives the instant ("${stageReadiness.declarationDue(execution)}"). A rule
 * is read in the region of the instance's {@code regionCode} and the calendar of its
 * {@code electionId}; lead time, interval and levels come from {@link DeadlineSettings}. Every
 * expression computes the same instant from the same inputs.
 *
 * <p>The one timer walks the task's {@link DeadlineSchedule}: the engine evaluates the cycle when
 * it creates the timer and again each time the timer fires (engine setting
 * {@code reevaluateTimeCycleWhenDue}); each answer is a cycle whose start is the next step, or an
 * exhausted cycle after the last one, so one timer job per open task does the work of three.
 *
 * <p>The methods that take a task id ({@link #due(VariableScope, String)}, {@link #reminder},
 * {@link #escalationCycle}) serve only the diagrams deployed before the one-timer pattern, whose
 * running instances finish on their own version (docs/escalation.md, "Instances started before").
 */
@Component("deadlines")
public class TaskDeadlines {

  public static final String DUE_PROPERTY = "due";
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  public static final String ELECTION_ID = "electionId";
  /** Execution-local variable: when a rule without anchor started counting. */
  public static final String COUNTED_FROM = "dueCountedFrom";

  private final LocalDeadlines localDeadlines;
  private final DeadlineSettings settings;
  /**
   * A due rule that is an expression ({@code ${stageReadiness.declarationDue(execution)}}) gives the
   * instant itself: a feature works it out from its own record instead of keeping it in a variable.
   */
  static final String EXPRESSION_RULE = "${";

  private final Map<String, String> dueRules = new ConcurrentHashMap<>();
  private final Map<String, Expression> dueExpressions = new ConcurrentHashMap<>();

  TaskDeadlines(LocalDeadlines localDeadlines, DeadlineSettings settings) {
    this.localDeadlines = localDeadlines;
    this.settings = settings;
  }

  /** The due date of the user task this expression runs in. */
  public Date due(VariableScope execution) {
    return Date.from(dueInstant(execution, attachedTaskKey(execution)));
  }

  /**
   * The deadline timer's cycle: {@code R1/<next step>/P1D} fires once at the next step; after the
   * last step {@code R0/<past>/P1D}, which the engine resolves to no further firing. When the timer
   * is being created and a step is already due (a task created after its reminder time), it fires
   * at once.
   */
  public String cycle(VariableScope execution) {
    String taskKey = attachedTaskKey(execution);
    List<DeadlineSchedule.Step> steps = DeadlineSchedule.steps(dueInstant(execution, taskKey),
        settings.forTask(taskKey));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (beingCreated(execution) && !DeadlineSchedule.dueAt(steps, now).isEmpty()) {
      return "R1/" + ceilToSecond(now.plusSeconds(1)) + "/P1D";
    }
    return DeadlineSchedule.nextAfter(steps, now)
        .map(step -> "R1/" + ceilToSecond(step.at()) + "/P1D")
        .orElse("R0/" + ceilToSecond(now.minus(Duration.ofDays(1))) + "/P1D");
  }

  /** The steps of a task of this type due at {@code due}. */
  List<DeadlineSchedule.Step> steps(String taskKey, Instant due) {
    return DeadlineSchedule.steps(due, settings.forTask(taskKey));
  }

  /** The user task an expression on it (or on its boundary timer) runs for. */
  static String attachedTaskKey(VariableScope scope) {
    String activityId;
    if (scope instanceof ExecutionEntity execution) {
      activityId = execution.getActivityId();
      if (activityId == null) {
        // a multi-instance body waiting in its instances keeps no activity of its own
        activityId = execution.getExecutions().stream().map(ExecutionEntity::getActivityId)
            .filter(id -> id != null).findFirst().orElse(null);
      }
    } else if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
      activityId = task.getTaskDefinitionKey();
    } else {
      throw new IllegalArgumentException("no activity for " + scope);
    }
    if (activityId == null) {
      throw new IllegalStateException("the deadline expressions belong on a user task and its boundary timer");
    }
    int body = activityId.indexOf(MULTI_INSTANCE_BODY);
    return body < 0 ? activityId : activityId.substring(0, body);
  }

  /**
   * Whether the timer is being created in this command (its execution was created in it too), as
   * opposed to being re-evaluated when it fires.
   */
  private static boolean beingCreated(VariableScope scope) {
    if (!(scope instanceof ExecutionEntity execution) || Context.getCommandContext() == null) {
      return true;
    }
    CachedDbEntity cached = Context.getCommandContext().getDbEntityManager().getDbEntityCache()
        .getCachedEntity(execution);
    return cached == null || cached.getEntityState() == DbEntityState.TRANSIENT;
  }

  private static Instant ceilToSecond(Instant instant) {
    Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
    return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
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
    if (rule.startsWith(EXPRESSION_RULE)) {
      return instantOf(dueExpressions.computeIfAbsent(rule,
          text -> Context.getProcessEngineConfiguration().getExpressionManager().createExpression(text))
          .getValue(execution), rule, taskKey);
    }
    Object region = execution.getVariable(Region.PROCESS_VARIABLE);
    if (region == null) {
      throw new IllegalStateException("the process has no variable " + Region.PROCESS_VARIABLE + " for the due date of " + taskKey);
    }
    Object election = execution.getVariable(ELECTION_ID);
    return localDeadlines.deadline(election == null ? null : election.toString(), region.toString(), rule,
        execution::getVariable, () -> countedFrom(execution));
  }

  private static Instant instantOf(Object value, String rule, String taskKey) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("the due rule " + rule + " of " + taskKey + " gave " + value
        + ", not an instant");
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
