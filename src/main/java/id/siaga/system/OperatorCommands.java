package id.siaga.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;

/**
 * The engine commands that start a process part-way, move or repair an instance, write its
 * variables outside a form, or change its jobs: the operator's tools. Only administrators run
 * them ({@link EngineGuard}), and every run is recorded ({@link OperatorAudit}). A process that
 * needs a message or signal from a person gets its own checked endpoint instead.
 *
 * <p>A list of what is refused rather than of what is allowed, because Tasklist, Cockpit and
 * Admin call dozens of harmless query commands; the list names whole families through their
 * common base class, so that a variant added to Camunda in a family is refused too.
 */
final class OperatorCommands {

  private OperatorCommands() {}

  private static final List<Class<?>> OPERATOR_ONLY = List.of(
      // start part-way, move, restart, migrate
      StartProcessInstanceAtActivitiesCmd.class, ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      AbstractModificationCmd.class, AbstractProcessInstanceModificationCommand.class,
      AbstractRestartProcessInstanceCmd.class, RestartProcessInstancesBatchCmd.class, AbstractMigrationCmd.class,
      MigrateProcessInstanceCmd.class, SetProcessDefinitionVersionCmd.class,
      // messages, signals and conditions that start or move instances
      AbstractCorrelateMessageCmd.class, CorrelateAllMessageCmd.class, CorrelateAllMessageBatchCmd.class,
      MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class, EvaluateStartConditionCmd.class,
      // variables written or removed outside a form
      AbstractVariableCmd.class, AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      // a user task ended by an error, an escalation or a delegation's resolution instead of its form
      HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, ResolveTaskCmd.class,
      // jobs, retries, incidents, suspension
      ExecuteJobsCmd.class, SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, DeleteJobCmd.class,
      DeleteJobsCmd.class, UnlockJobCmd.class, CreateIncidentCmd.class, ResolveIncidentCmd.class,
      SetAnnotationForIncidentCmd.class, AbstractSetStateCmd.class, AbstractUpdateProcessInstancesSuspendStateCmd.class,
      // external tasks (the product has none)
      ExternalTaskCmd.class, FetchExternalTasksCmd.class, AbstractSetExternalTaskRetriesCmd.class,
      SetExternalTaskPriorityCmd.class,
      // deleting instances
      AbstractDeleteProcessInstanceCmd.class, DeleteProcessInstancesCmd.class, DeleteProcessInstanceBatchCmd.class);

  static boolean isOperatorOnly(Object command) {
    for (Class<?> family : OPERATOR_ONLY) {
      if (family.isInstance(command)) {
        return true;
      }
    }
    return false;
  }

  /** The command and its ids, for the audit record: {@code SetJobRetriesCmd(jobId=…, retries=0)}. */
  static String describe(Object command) {
    List<String> parts = new ArrayList<>();
    for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object value = read(field, command);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
          parts.add(field.getName() + "=" + value);
        } else if (value instanceof Collection<?> collection && collection.size() <= 20
            && collection.stream().allMatch(v -> v instanceof String)) {
          parts.add(field.getName() + "=" + collection);
        }
      }
    }
    String text = command.getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  static Object read(Field field, Object target) {
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The variables a task or start submission carries: a form submission's {@code properties}, a
   * {@code complete}'s or a start form's {@code variables}; null when it carries none.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> submittedVariables(Object command) {
    Object variables = field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
    return variables instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /** The value of a field of a command, declared on its class or a superclass; null when absent. */
  static Object field(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      try {
        return read(type.getDeclaredField(name), target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
