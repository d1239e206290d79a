package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** The marker's rules in the diagrams, and the values a recorded task's listener reads. Plain JUnit. */
class RecordedFormFieldsTest {

  @Test
  void everyTaskWhoseFieldsAreRecordedHasTheListenerThatRecordsThemAndDeclaresNoEmptyField() throws IOException {
    List<String> marked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (!RecordedFormFields.RECORDED.equals(property(task))) {
            continue;
          }
          marked.add(task.getId());
          // without a complete listener the submitted values would end with the transaction unread
          assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
              .as("%s in %s: a complete listener records its fields", task.getId(), file)
              .anyMatch(l -> "complete".equals(l.getCamundaEvent()));
          // an empty declaration would be stored, the very rows the marker saves
          assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
              .stream().flatMap(io -> io.getCamundaInputParameters().stream()).filter(p -> p.getTextContent() == null || p.getTextContent().isBlank())
              .map(CamundaInputParameter::getCamundaName).toList())
              .as("%s in %s: empty input parameters", task.getId(), file).isEmpty();
          assertThat(task.getCamundaFormRef()).as("%s has a Camunda Form", task.getId()).isNotNull();
        }
      }
    }
    assertThat(marked).contains("SubmitReadinessReportTask", "ConfirmReceiptTask", "ConfirmAllocationTask",
        "TriageReportTask", "DeclareReadinessTask", "FileSituationReportTask", "DecideReinforcementTask")
        .hasSize(41);
  }

  private static String property(UserTask task) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> RecordedFormFields.PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  @Test
  void aSubmittedValueIsKeptTransientAndReadAsAStoredOneWouldBe() {
    // Tasklist sends a checklist as a serialized Json value: read back as the parsed document
    TypedValue checklist = RecordedFormFields.transientCopy(SpinValues.jsonValue("[\"HOAKS\"]").create());
    assertThat(checklist.isTransient()).isTrue();
    assertThat(checklist.getValue()).isInstanceOf(SpinJsonNode.class);
    assertThat(checklist.getValue().toString()).isEqualTo("[\"HOAKS\"]");

    TypedValue number = RecordedFormFields.transientCopy(Variables.longValue(25L));
    assertThat(number.isTransient()).isTrue();
    assertThat(number.getValue()).isEqualTo(25L);

    TypedValue text = RecordedFormFields.transientCopy(Variables.untypedValue("Kendaraan patroli"));
    assertThat(text.isTransient()).isTrue();
    assertThat(text.getValue()).isEqualTo("Kendaraan patroli");

    TypedValue nothing = RecordedFormFields.transientCopy(Variables.untypedNullValue());
    assertThat(nothing.isTransient()).isTrue();
    assertThat(nothing.getValue()).isNull();
    assertThat(RecordedFormFields.transientCopy(null).getValue()).isNull();
  }
}
