package id.siaga.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.EngineUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives {@code coordination-meeting} in tests as Tasklist does: the forms' values as Tasklist
 * submits them (lists as JSON values), submitted through the form service as a given user.
 */
final class CoordinationMeetingDriver {

  static final String PALOPO = "73.73";

  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final TaskService tasks;

  CoordinationMeetingDriver(FormService forms, RepositoryService repository, IdentityService identity, TaskService tasks) {
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
    this.tasks = tasks;
  }

  /** Submits the start form as {@code user}. */
  ProcessInstance start(Map<String, Object> form, String user) {
    EngineUsers.actAs(identity, user);
    try {
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY)
          .latestVersion().singleResult().getId();
      return forms.submitStartForm(definition, form);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Submits a task form as {@code user}. */
  void submit(Task task, String user, Map<String, Object> form) {
    EngineUsers.actAs(identity, user);
    try {
      forms.submitTaskForm(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The open task of {@code key} in the instance for {@code group}. */
  Task task(ProcessInstance pi, String key, String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).taskCandidateGroup(group)
        .singleResult();
  }

  /** The groups a task is offered to (its candidate groups, escalation included). */
  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  /** Executes every job of the instance that is due now, including the ones they create. */
  static void runJobs(org.camunda.bpm.engine.ManagementService management, ProcessInstance pi) {
    for (int round = 0; round < 30; round++) {
      List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery().processInstanceId(pi.getId())
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  /** The schedule form of a campaign coordination meeting in Kota Palopo, convened by its Kesbangpol. */
  static Map<String, Object> scheduleForm(String electionId, String meetingAt, List<String> invited) {
    Map<String, Object> form = new HashMap<>();
    form.put("regionCode", PALOPO);
    form.put("stageCode", "kampanye");
    form.put("title", "Rakor kesiapan kampanye");
    form.put("meetingAt", meetingAt);
    form.put("venue", "Aula Kantor Wali Kota Palopo");
    form.put("agenda", "1. Laporan kesiapan instansi\n2. Titik rawan kampanye");
    form.put("invitedAgencies", json(invited.stream().map(a -> "\"" + a + "\"").toList().toString()));
    form.put("conveningAgency", "KESBANGPOL");
    return form;
  }

  static Map<String, Object> report(int personnel, String threats, String status, String needs) {
    Map<String, Object> form = new HashMap<>();
    form.put("personnelCount", personnel);
    form.put("vulnerabilities", json(threats));
    form.put("needsAndObstacles", needs);
    form.put("readinessStatus", status);
    form.put("attendeeName", "Pejabat " + personnel);
    form.put("attendeePosition", "Kepala");
    // every agency's topics: each agency's form asks its own (ReportTopics), the others are ignored
    for (ReportTopics.Topic topic : ReportTopics.ALL) {
      form.put(topic.key(), topic.label() + ": sesuai rencana");
    }
    if (!"SIAP".equals(status)) {
      form.put("readinessNotes", "Catatan " + status);
    }
    return form;
  }

  /**
   * The outcome "held" with these action items (a JSON list of description, ownerAgency and
   * dueDate, as the tests write them), put into the form's slots {@code actionItem1Description} …
   */
  static Map<String, Object> held(String actionItemsJson) {
    Map<String, Object> form = new java.util.HashMap<>(Map.of("meetingOutcome", "DILAKSANAKAN",
        "attendance", json("[\"KESBANGPOL\",\"POLRI\",\"KPU\"]"), "minutes", "Semua instansi menyampaikan kesiapan."));
    form.putAll(actionItemSlots(actionItemsJson));
    return form;
  }

  static Map<String, Object> actionItemSlots(String actionItemsJson) {
    Map<String, Object> slots = new java.util.HashMap<>();
    try {
      List<Map<String, Object>> items = new com.fasterxml.jackson.databind.ObjectMapper().readValue(actionItemsJson,
          new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
      for (int i = 0; i < items.size(); i++) {
        Map<String, Object> item = items.get(i);
        slots.put("actionItem" + (i + 1) + "Description", item.get("description"));
        Object owner = item.get("ownerAgency");   // a tag list: Tasklist submits it as a JSON list
        slots.put("actionItem" + (i + 1) + "Owner", owner == null ? null : json(owner instanceof String one
            ? "[\"" + one + "\"]" : owner.toString()));
        slots.put("actionItem" + (i + 1) + "Due", item.get("dueDate"));
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
    slots.values().removeIf(java.util.Objects::isNull);
    return slots;
  }

  static Map<String, Object> done(String outcome, String evidence) {
    return Map.of("followUpDecision", "SELESAI", "followUpOutcome", outcome, "evidence", evidence);
  }

  static String item(String description, String owner, String dueDate) {
    return "{\"description\":\"" + description + "\",\"ownerAgency\":\"" + owner + "\",\"dueDate\":\"" + dueDate + "\"}";
  }

  static String items(String... items) {
    return "[" + String.join(",", items) + "]";
  }

  static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  /**
   * The call is refused as a form error with this message: a delegate's refusal arrives as it is,
   * a task listener's wrapped by the engine (ENGINE-03051) unless the caller unwrapped it.
   */
  static void assertRefused(ThrowingCallable call, String message) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    Throwable refusal = thrown;
    while (refusal != null && !(refusal instanceof FormFieldValidationException)) {
      refusal = refusal.getCause();
    }
    assertThat(refusal).as("a form refusal in %s", String.valueOf(thrown)).isNotNull();
    assertThat(refusal.getMessage()).contains(message).contains("Tidak ada yang diubah");
  }
}
