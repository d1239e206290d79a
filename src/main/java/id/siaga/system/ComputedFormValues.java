package id.siaga.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The values a user task's form opens with (a prefilled title, the agencies ticked by default, a
 * note of how things stand), worked out when the form is read instead of stored when the task is
 * created.
 *
 * <p>Declared in the diagram with Camunda's own extension point, {@code
 * camunda:formHandlerClass="id.siaga.system.ComputedFormValues"} on the user task, and one extension
 * property per value, {@code formValue.<field>}, whose value is an expression evaluated on the task
 * (text with {@code ${…}} parts, or a bean method: {@code ${stageReadiness.rakorInvitations(execution)}}).
 * A JSON value (a Spin JSON node) is given as the engine gives a stored JSON variable.
 *
 * <p>The values are answered by the engine's form-variables command ({@code GET
 * task/{id}/form-variables}, which Tasklist's Camunda Forms read when a form opens;
 * {@code FormService.getTaskFormVariables}) ahead of the task's variables, and by nothing else:
 * the task's form data stays as it was (a Camunda Form, not a generated one).
 *
 * <p>Why: an input parameter of the task would hold the same value as a variable of the task's
 * execution, written with its history and detail when the task is created and deleted when it ends
 * (three rows per value, a byte array row in each for JSON), for a form that is opened a few times
 * if at all. Worked out on reading, the value is also current (the note of the stage's Rakor as it
 * stands when the coordinator opens the form). What a caller may submit is the form's fields
 * ({@link EngineGuard}); what is submitted is read by the task's complete listener, as before.
 */
public class ComputedFormValues extends DefaultTaskFormHandler {

  /** The prefix of the extension properties that declare the values. */
  public static final String PREFIX = "formValue.";

  private Map<String, Expression> values = Map.of();

  @Override
  public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
      ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
    super.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    Map<String, Expression> declared = new LinkedHashMap<>();
    Element extensions = activityElement.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties != null) {
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        String name = property.attribute("name");
        if (name != null && name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
          String value = property.attribute("value");
          declared.put(name.substring(PREFIX.length()),
              Context.getProcessEngineConfiguration().getExpressionManager().createExpression(value == null ? "" : value));
        }
      }
    }
    if (declared.isEmpty()) {
      bpmnParse.addError("The form handler " + getClass().getName() + " needs at least one extension property "
          + PREFIX + "<field>", activityElement);
    }
    values = Collections.unmodifiableMap(declared);
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    TaskFormData form = super.createTaskForm(task);
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    if (invocation == null || !(invocation.getCommand() instanceof GetTaskFormVariablesCmd reading)) {
      return form;
    }
    boolean deserialize = !Boolean.FALSE.equals(OperatorCommands.field(reading, "deserializeObjectValues"));
    List<FormField> fields = new ArrayList<>(form.getFormFields());
    values.forEach((name, expression) -> {
      FormFieldImpl field = new FormFieldImpl();
      field.setId(name);
      field.setValue(typed(expression.getValue(task), deserialize));
      fields.add(field);
    });
    ((FormDataImpl) form).setFormFields(fields);
    return form;
  }

  /** The value as the engine would give it back had it been stored as a variable. */
  static TypedValue typed(Object value, boolean deserialize) {
    if (value instanceof TypedValue typed) {
      return typed;
    }
    if (value instanceof SpinJsonNode json) {
      return deserialize ? SpinValues.jsonValue(json).create() : SpinValues.jsonValue(json.toString()).create();
    }
    TypedValue untyped = Variables.untypedValue(value);
    return Context.getProcessEngineConfiguration().getVariableSerializers()
        .findSerializerForValue(untyped).convertToTypedValue((org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl) untyped);
  }
}
