package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user task's form values worked out when the form is read ({@link ComputedFormValues}), on a
 * probe model: what the form-variables command answers, that nothing is stored, and that the task's
 * form stays a Camunda Form.
 */
@SiagaSpringBootTest
class ComputedFormValuesTest {

  static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="ProbeDefinitions" targetNamespace="http://siaga.id/test">
        <bpmn:process id="computed-form-values-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="ProbeStartEvent"/>
          <bpmn:sequenceFlow id="ToProbeTaskFlow" sourceRef="ProbeStartEvent" targetRef="ProbeTask"/>
          <bpmn:userTask id="ProbeTask" camunda:candidateGroups="admin" camunda:formRef="probe-form"
              camunda:formRefBinding="latest" camunda:formHandlerClass="id.siaga.system.ComputedFormValues">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="formValue.title" value="Rakor ${place}"/>
                <camunda:property name="formValue.agenda" value="1. Satu&#10;2. Dua"/>
                <camunda:property name="formValue.invited" value="${S('[&quot;POLRI&quot;,&quot;TNI&quot;]')}"/>
                <camunda:property name="formValue.minutes" value="${60 * 2}"/>
                <camunda:property name="formValue.taskName" value="${task.name}"/>
                <camunda:property name="unrelated" value="not a form value"/>
              </camunda:properties>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="ToProbeEndFlow" sourceRef="ProbeTask" targetRef="ProbeEndEvent"/>
          <bpmn:endEvent id="ProbeEndEvent"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired HistoryService history;

  Deployment deployment;
  ProcessInstance pi;
  Task task;

  @BeforeEach
  void deploy() {
    deployment = repository.createDeployment().name("computed-form-values-probe")
        .addString("computed-form-values-probe.bpmn", PROBE.replace("ProbeTask\" camunda", "ProbeTask\" name=\"Uji\" camunda"))
        .deploy();
    // a process variable of the same name as a form value: the form opens with the form value
    pi = runtime.startProcessInstanceByKey("computed-form-values-probe",
        Variables.createVariables().putValue("place", "Kota Palopo").putValue("title", "Judul proses"));
    task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void theFormOpensWithTheValuesWorkedOutOnReadingAheadOfTheTasksVariablesAndNoneIsStored() {
    VariableMap opened = forms.getTaskFormVariables(task.getId());
    assertThat(opened.get("title")).isEqualTo("Rakor Kota Palopo");
    assertThat(opened.get("agenda")).isEqualTo("1. Satu\n2. Dua");
    assertThat(opened.get("minutes")).isEqualTo(120L);
    assertThat(opened.get("taskName")).isEqualTo("Uji");
    assertThat(opened.getValueTyped("invited").getType().getName()).isEqualTo("json");
    assertThat(opened.get("invited").toString()).isEqualTo("[\"POLRI\",\"TNI\"]");
    assertThat(opened).containsEntry("place", "Kota Palopo").doesNotContainKey("unrelated");

    // as Tasklist reads it (deserializeValues=false): JSON as its text, as a stored JSON variable is given
    SerializableValue json = forms.getTaskFormVariables(task.getId(), null, false).getValueTyped("invited");
    assertThat(json.isDeserialized()).isFalse();
    assertThat(json.getValueSerialized()).isEqualTo("[\"POLRI\",\"TNI\"]");
    assertThat(json.getSerializationDataFormat()).isEqualTo("application/json");
    // only the names asked for
    assertThat(forms.getTaskFormVariables(task.getId(), java.util.List.of("title"), true)).containsOnlyKeys("title");

    assertThat(runtime.getVariables(pi.getId())).containsOnlyKeys("place", "title")
        .containsEntry("title", "Judul proses");
    assertThat(tasks.getVariablesLocal(task.getId())).doesNotContainKeys("agenda", "invited", "minutes", "taskName");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("agenda", "invited", "minutes", "taskName").count()).isZero();
  }

  @Test
  void theTasksFormStaysACamundaFormWithoutGeneratedFields() {
    TaskFormData form = forms.getTaskFormData(task.getId());
    assertThat(form.getCamundaFormRef().getKey()).isEqualTo("probe-form");
    assertThat(form.getFormKey()).isNull();
    assertThat(form.getFormFields()).isEmpty();
  }

  @Test
  void aTaskWithTheHandlerButNoFormValueIsRefusedWhenDeployed() {
    String none = PROBE.replace("formValue.", "other.").replace("computed-form-values-probe", "computed-form-values-none");
    assertThatThrownBy(() -> repository.createDeployment().addString("none.bpmn", none).deploy())
        .hasMessageContaining("needs at least one extension property formValue.<field>");
  }
}
