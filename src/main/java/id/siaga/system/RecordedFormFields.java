package id.siaga.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventProcessor;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.producer.HistoryEventProducer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * A user task whose submission the product records in its own table (a readiness report, a
 * kecamatan's figures) marks itself with the extension property {@code formFields = recorded}.
 * Its submitted fields then live for the completing transaction only: they are transient
 * variables local to the task's execution, read by the task's complete listener, which checks
 * them and writes the record; they are never stored as process variables.
 *
 * <p>Why: the fields used to be declared as empty local inputs of the task, so that parallel
 * tasks (one per agency, one per kecamatan) kept their values apart. Each declaration wrote a
 * variable, its history and an update of both when the form came back, about 20 rows per field
 * that the end of the task deleted again: half of what a Rakor wrote (docs/performance.md). The
 * submission stays in the history as the engine's form-property entries (text fields) and the
 * user operation log, and the record itself is the product's table.
 *
 * <p>Both ways of submitting are covered, the form ({@code submit-form}, Tasklist) and a plain
 * {@code complete} with variables; what a caller may submit at all is {@link EngineGuard}'s check,
 * which runs before this.
 */
@Component
class RecordedFormFields extends AbstractProcessEnginePlugin {

  /** The extension property, and its value, that marks such a task in a diagram. */
  static final String PROPERTY = "formFields";
  static final String RECORDED = "recorded";
  /** The history's text column ({@code ACT_HI_DETAIL.TEXT_}) holds 4,000 characters on every database. */
  static final int HISTORY_TEXT_MAX = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (RECORDED.equals(extensionProperty(userTaskElement, PROPERTY))) {
          activity.setProperty(PROPERTY, RECORDED);
        }
      }
    });
    // after EngineGuard's gate (registered in its own preInit, whichever runs first): the gate sees
    // the submission as the caller sent it
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  static String extensionProperty(Element element, String name) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (name.equals(property.attribute("name"))) {
        return property.attribute("value");
      }
    }
    return null;
  }

  static final class Interceptor extends CommandInterceptor {

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      // exactly the engine's two commands (a subclass may behave otherwise): rebuilt below
      boolean form = command.getClass() == SubmitTaskFormCmd.class;
      if (!form && command.getClass() != CompleteTaskCmd.class) {
        return next.execute(command);
      }
      Map<String, Object> submitted = OperatorCommands.submittedVariables(command);
      if (submitted == null || submitted.isEmpty()) {
        return next.execute(command);
      }
      String taskId = (String) OperatorCommands.field(command, "taskId");
      VariableMap kept = keepForTheTaskOnly(taskId, Variables.fromMap(submitted), form);
      if (kept == null) {
        return next.execute(command);
      }
      boolean returnVariables = (Boolean) OperatorCommands.field(command, "returnVariables");
      boolean deserialize = (Boolean) OperatorCommands.field(command, form ? "deserializeValues"
          : "deserializeReturnedVariables");
      Command<?> rebuilt = form ? new SubmitTaskFormCmd(taskId, kept, returnVariables, deserialize)
          : new CompleteTaskCmd(taskId, kept, returnVariables, deserialize);
      return next.execute((Command<T>) rebuilt);
    }
  }

  /**
   * When the task is marked: declares each submitted field a transient local variable of the task's
   * execution and answers the submission as transient values, which the command then sets there
   * (the form handler and {@code complete} both look for the nearest scope that has the variable)
   * instead of in the process instance. Null when the task is not marked (or not found: the
   * command itself says so).
   */
  static VariableMap keepForTheTaskOnly(String taskId, VariableMap submitted, boolean form) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    ExecutionEntity execution = task == null ? null : task.getExecution();
    ActivityImpl activity = execution == null ? null : execution.getActivity();
    if (activity == null || !RECORDED.equals(activity.getProperty(PROPERTY))) {
      return null;
    }
    VariableMap kept = Variables.createVariables();
    for (String name : submitted.keySet()) {
      if (execution.hasVariableLocal(name)) {
        // declared by the task with a value to prefill the form: it stays a stored variable
        kept.putValueTyped(name, submitted.getValueTyped(name));
        continue;
      }
      if (task.hasVariableLocal(name)) {
        // a copy on the task of the process's variable of that name (a caption Tasklist shows, e.g.
        // "title"): the submitted field takes its place for this transaction, or the command would set
        // the task's copy, a stored variable the engine refuses to overwrite with a transient one
        task.removeVariableLocal(name);
      }
      TypedValue value = transientCopy(submitted.getValueTyped(name));
      execution.setVariableLocal(name, value);
      kept.putValueTyped(name, value);
      // the engine's form handler records text values as form properties; the rest here
      if (!form || !(value.getValue() instanceof String)) {
        recordInHistory(execution, task.getId(), name, value.getValue());
      }
    }
    return kept;
  }

  /**
   * A submitted value in the history as the engine records a form's text fields (a form property
   * of the task, {@code ACT_HI_DETAIL}): numbers, yes/no and lists (as JSON) too, so that every
   * value a user submitted stays in the audit trail although no variable holds it. A value longer
   * than the column (4,000 characters) is recorded by its length only.
   */
  static void recordInHistory(ExecutionEntity execution, String taskId, String name, Object value) {
    if (value == null || !Context.getProcessEngineConfiguration().getHistoryLevel()
        .isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, execution)) {
      return;
    }
    String text = value.toString();
    String recorded = text.length() <= HISTORY_TEXT_MAX ? text : "(" + text.length() + " karakter)";
    HistoryEventProcessor.processHistoryEvents(new HistoryEventProcessor.HistoryEventCreator() {
      @Override
      public HistoryEvent createHistoryEvent(HistoryEventProducer producer) {
        return producer.createFormPropertyUpdateEvt(execution, name, recorded, taskId);
      }
    });
  }

  /**
   * The value as a transient variable holds it, readable as a stored one would be read back: a
   * JSON value (Tasklist's checklists and lists) as its parsed document.
   */
  static TypedValue transientCopy(TypedValue value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      String text = serializable.getValueSerialized();
      String format = serializable.getSerializationDataFormat();
      return Variables.untypedValue(text != null && format != null && format.contains("json") ? Spin.JSON(text) : text,
          true);
    }
    if (value == null || value.getValue() == null) {
      return Variables.untypedNullValue(true);
    }
    return Variables.untypedValue(value.getValue(), true);
  }
}
