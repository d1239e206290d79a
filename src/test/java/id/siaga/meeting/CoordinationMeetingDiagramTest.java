package id.siaga.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.agency.AgencyType;
import id.siaga.threat.ThreatCategory;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The coordination meeting's forms: one per step, offering exactly the threats and agencies the rules accept.
 * Reads the files under {@code bpmn/}, no engine. Typed ids, drawing, due rules, the deadline
 * pattern and form resolution are checked for every diagram by
 * {@code id.siaga.process.DiagramConventionsTest}.
 */
class CoordinationMeetingDiagramTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("bpmn/coordination-meeting/coordination-meeting.bpmn"));
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachStepOfTheMeetingHasItsOwnForm() throws Exception {
    List<String> forms = new ArrayList<>();
    for (UserTask task : MODEL.getModelElementsByType(UserTask.class)) {
      forms.add(task.getCamundaFormRef());
    }
    assertThat(forms).containsExactlyInAnyOrder("readiness-report", "meeting-outcome", "action-item-follow-up",
        "waiver-review", "action-item-period");
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
        .containsExactlyElementsOf(Arrays.stream(ThreatCategory.values()).map(Enum::name).toList());
    List<String> agencies = Arrays.stream(AgencyType.values()).map(Enum::name).sorted().toList();
    assertThat(options("schedule-meeting", "invitedAgencies")).containsExactlyInAnyOrderElementsOf(agencies);
    assertThat(options("schedule-meeting", "invitedRegencyAgencies")).containsExactlyInAnyOrderElementsOf(agencies);
    assertThat(options("schedule-meeting", "invitedProvinceAgencies")).containsExactlyInAnyOrderElementsOf(agencies);
    // the record offers the meeting's own agencies, from the task's agencyOptions (CoordinationMeeting.agencyOptions)
    assertThat(valuesKey("meeting-outcome", "attendance")).isEqualTo("agencyOptions");
    for (int slot = 1; slot <= MeetingVariables.ACTION_ITEM_SLOTS; slot++) {
      assertThat(valuesKey("meeting-outcome", MeetingVariables.actionItemField(slot, "Owner"))).isEqualTo("agencyOptions");
      assertThat(options("meeting-outcome", MeetingVariables.actionItemField(slot, "Recurrence")))
          .containsExactlyElementsOf(Arrays.stream(Recurrence.values()).map(Enum::name).toList());
    }
    assertThat(options("action-item-period", MeetingVariables.PERIOD_DECISION))
        .containsExactlyElementsOf(Arrays.stream(MeetingVariables.PeriodDecision.values()).map(Enum::name).toList());
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
    ReportTopics.ALL.forEach(topic -> known.add(topic.key()));
    known.addAll(MeetingVariables.actionItemFields());
    for (String form : List.of("schedule-meeting", "readiness-report", "meeting-outcome", "action-item-follow-up",
        "waiver-review", "action-item-period")) {
      for (JsonNode field : fields(JSON.readTree(new File("bpmn/coordination-meeting/" + form + ".form")))) {
        if (field.has("key")) {
          assertThat(known).as(form + " field " + field.get("key")).contains(field.get("key").asText());
        }
      }
    }
  }

  static String valuesKey(String form, String key) throws Exception {
    for (JsonNode field : fields(JSON.readTree(new File("bpmn/coordination-meeting/" + form + ".form")))) {
      if (key.equals(field.path("key").asText())) {
        return field.path("valuesKey").asText(null);
      }
    }
    throw new AssertionError(form + " has no field " + key);
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
