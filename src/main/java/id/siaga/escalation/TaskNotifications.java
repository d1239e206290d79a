package id.siaga.escalation;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailKind;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import id.siaga.notification.TasklistLinks;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The mails about one user task (reminder, overdue, escalation): who gets them, what they say, in
 * Bahasa Indonesia, with the due time in the region's own zone and a link to the task.
 */
@Service
public class TaskNotifications {

  /** The process variable with the stage's name, shown in the mails. */
  public static final String STAGE_NAME = "stageName";

  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final RegionRepository regions;
  private final LocalDeadlines deadlines;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final TasklistLinks links;

  TaskNotifications(Mailer mailer, Recipients recipients, MailTemplates templates, RegionRepository regions,
      LocalDeadlines deadlines, RuntimeService runtime, RepositoryService repository, IdentityService identity,
      TasklistLinks links) {
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.regions = regions;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.links = links;
  }

  /** Reminder before the due date, or notice at the due date: to the task's agencies and assignee. */
  public boolean sendDeadlineMail(Task task, MailKind kind, Collection<String> candidateGroups) {
    List<String> to = new ArrayList<>(recipients.ofGroups(candidateGroups));
    recipients.ofUser(task.getAssignee()).stream().filter(a -> !to.contains(a)).forEach(to::add);
    return mailer.sendOnce(MailKey.of(task.getId(), kind),
        () -> compose(task, kind, 0, to, List.of(), candidateGroups, List.of()));
  }

  /** Escalation to the next level: to the escalated agencies, a copy to the original agency and assignee. */
  public boolean sendEscalationMail(Task task, int level, Collection<String> escalatedTo, Collection<String> origin) {
    List<String> to = recipients.ofGroups(escalatedTo);
    List<String> cc = new ArrayList<>();
    recipients.ofGroups(origin).stream().filter(a -> !to.contains(a)).forEach(cc::add);
    recipients.ofUser(task.getAssignee()).stream().filter(a -> !to.contains(a) && !cc.contains(a)).forEach(cc::add);
    return mailer.sendOnce(new MailKey(task.getId(), DeadlineMailKinds.ESCALATION, String.valueOf(level)),
        () -> compose(task, DeadlineMailKinds.ESCALATION, level, to, cc, origin, escalatedTo));
  }

  /** "Kota Palopo" and its zone for a process instance, from its regionCode variable. */
  public Map<String, Object> regionOf(String processInstanceId) {
    Map<String, Object> model = new LinkedHashMap<>();
    Object code = runtime.getVariable(processInstanceId, Region.PROCESS_VARIABLE);
    Region region = code == null ? null : regions.find(code.toString()).orElse(null);
    model.put("regionCode", region == null ? null : region.code());
    model.put("regionName", region == null ? "-" : region.name());
    model.put("zone", region == null ? "UTC" : region.zone().name());
    Object stage = runtime.getVariable(processInstanceId, STAGE_NAME);
    model.put("stageName", stage == null ? "-" : stage.toString());
    return model;
  }

  /** The due time as the region reads it ("Selasa, 26 November 2024 18:00 WITA"). */
  public String dueText(Task task, Object regionCode) {
    if (task.getDueDate() == null) {
      return "tanpa tenggat";
    }
    return regionCode == null ? task.getDueDate().toInstant() + " UTC"
        : deadlines.display(regionCode.toString(), task.getDueDate().toInstant());
  }

  private Mail compose(Task task, MailKind kind, int level, List<String> to, List<String> cc,
      Collection<String> agencies, Collection<String> escalatedTo) {
    Map<String, Object> model = regionOf(task.getProcessInstanceId());
    model.put("kind", kind.name());
    model.put("level", level);
    model.put("taskName", task.getName());
    model.put("processName", repository.getProcessDefinition(task.getProcessDefinitionId()).getName());
    model.put("due", dueText(task, model.get("regionCode")));
    model.put("link", links.task(task.getId()));
    model.put("agencies", groupNames(agencies));
    model.put("escalatedTo", groupNames(escalatedTo));
    String subject;
    if (kind.equals(DeadlineMailKinds.REMINDER)) {
      subject = "Pengingat: " + task.getName() + " – " + model.get("regionName") + ", tenggat " + model.get("due");
    } else if (kind.equals(DeadlineMailKinds.OVERDUE)) {
      subject = "Terlambat: " + task.getName() + " – " + model.get("regionName") + ", tenggat " + model.get("due");
    } else if (kind.equals(DeadlineMailKinds.ESCALATION)) {
      subject = "Eskalasi tingkat " + level + ": " + task.getName() + " – " + model.get("regionName");
    } else {
      throw new IllegalArgumentException("not a task deadline mail: " + kind);
    }
    return new Mail(to, cc, "[Siaga Pilkada] " + subject, templates.text("task-deadline", model),
        templates.html("task-deadline", model), List.of());
  }

  private List<String> groupNames(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
        .map(Group::getName).sorted().toList();
  }
}
