package id.siaga.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.agency.AgencyType;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The coordination meeting's diagram is readable and complete: typed ids, every element drawn, every user task with
 * its form, its due rule and its three visible timers; the forms offer exactly the threats and
 * agencies the rules accept. Reads the files under {@code bpmn/}, no engine.
 */
class CoordinationMeetingDiagramTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("bpmn/coordination-meeting/coordination-meeting.bpmn"));
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyElementHasAReadableTypedIdAndIsDrawn() {
    Collection<FlowElement> elements = MODEL.getModelElementsByType(FlowElement.class);
    Set<String> drawn = MODEL.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = MODEL.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(elements).hasSizeGreaterThan(60);
    for (FlowElement element : elements) {
      assertThat(element.getId()).matches("[A-Z][A-Za-z]+(Task|StartEvent|EndEvent|Gateway|SubProcess|Timer|Flow)");
      if (element instanceof SequenceFlow) {
        assertThat(edges).as("edge of %s", element.getId()).contains(element.getId());
      } else {
        assertThat(drawn).as("shape of %s", element.getId()).contains(element.getId());
      }
      if (element instanceof FlowNode node && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
        assertThat(node.getIncoming()).as("incoming of %s", node.getId()).isNotEmpty();
      }
      if (!(element instanceof SequenceFlow) && !(element.getClass().getSimpleName().contains("Gateway"))) {
        assertThat(element.getName()).as("name of %s", element.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyUserTaskHasAFormADueRuleAndItsReminderOverdueAndEscalationTimers() throws Exception {
    List<String> forms = new ArrayList<>();
    for (UserTask task : MODEL.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).startsWith("${");
      assertThat(task.getCamundaDueDate()).isEqualTo("${deadlines.due(execution, '" + task.getId() + "')}");
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(
          org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult().getCamundaProperties())
          .extracting(CamundaProperty::getCamundaName).contains("due");
      List<String> timers = MODEL.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo() == task && !b.cancelActivity())
          .filter(b -> !b.getChildElementsByType(TimerEventDefinition.class).isEmpty())
          .map(BaseElement::getId).toList();
      assertThat(timers).as(task.getId()).hasSize(3)
          .allMatch(id -> id.endsWith("ReminderTimer") || id.endsWith("OverdueTimer") || id.endsWith("EscalationTimer"));
      forms.add(task.getCamundaFormRef());
    }
    assertThat(forms).containsExactlyInAnyOrder("readiness-report", "meeting-outcome", "action-item-follow-up",
        "waiver-review");
    forms.add(MODEL.getModelElementById("MeetingScheduledStartEvent").getAttributeValueNs(
        "http://camunda.org/schema/1.0/bpmn", "formRef"));
    for (String form : forms) {
      JsonNode schema = JSON.readTree(new File("bpmn/coordination-meeting/" + form + ".form"));
      assertThat(schema.get("id").asText()).isEqualTo(form);
    }
  }

  @Test
  void theFormsOfferExactlyTheThreatsAndAgenciesTheRulesAccept() throws Exception {
    assertThat(options("readiness-report", "vulnerabilities"))
        .containsExactlyElementsOf(Arrays.stream(Threat.values()).map(Enum::name).toList());
    List<String> agencies = Arrays.stream(AgencyType.values()).map(Enum::name).sorted().toList();
    assertThat(options("schedule-meeting", "invitedAgencies")).containsExactlyInAnyOrderElementsOf(agencies);
    assertThat(options("meeting-outcome", "attendance")).containsExactlyInAnyOrderElementsOf(agencies);
    assertThat(options("meeting-outcome", "ownerAgency")).containsExactlyInAnyOrderElementsOf(agencies);
    assertThat(options("readiness-report", "readinessStatus"))
        .containsExactlyElementsOf(Arrays.stream(ReportedReadiness.values()).map(Enum::name).toList());
    assertThat(options("meeting-outcome", "meetingOutcome"))
        .containsExactlyElementsOf(Arrays.stream(MeetingOutcome.values()).map(Enum::name).toList());
  }

  @Test
  void everyFormFieldIsAVariableTheProcessReads() throws Exception {
    Set<String> known = Arrays.stream(MeetingVariables.class.getDeclaredFields())
        .filter(f -> f.getType() == String.class).map(f -> {
          try {
            f.setAccessible(true);
            return (String) f.get(null);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }).collect(Collectors.toSet());
    known.addAll(Set.of("regionCode", "description", "ownerAgency", "dueDate"));
    for (String form : List.of("schedule-meeting", "readiness-report", "meeting-outcome", "action-item-follow-up",
        "waiver-review")) {
      for (JsonNode field : fields(JSON.readTree(new File("bpmn/coordination-meeting/" + form + ".form")))) {
        if (field.has("key")) {
          assertThat(known).as(form + " field " + field.get("key")).contains(field.get("key").asText());
        }
      }
    }
  }

  static List<String> options(String form, String key) throws Exception {
    for (JsonNode field : fields(JSON.readTree(new File("bpmn/coordination-meeting/" + form + ".form")))) {
      if (key.equals(field.path("key").asText())) {
        List<String> values = new ArrayList<>();
        field.get("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
      }
    }
    throw new AssertionError("no field " + key + " in " + form);
  }

  static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    container.path("components").forEach(component -> {
      all.add(component);
      all.addAll(fields(component));
    });
    return all;
  }
}
