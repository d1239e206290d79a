package id.siaga.escalation;

import id.siaga.notification.Mail;
import id.siaga.notification.MailBatchComposer;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailKind;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Recipients;
import id.siaga.notification.TaskNotifications;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Writes the queued deadline mails, one per batch: the reminders (or overdue notices, or
 * escalations of one level) of every task that goes to the same agencies, listed in one mail.
 * Reminder and overdue notice go to the task's agencies and its assignee; an escalation goes to
 * the agencies added at that level, with a copy to the agencies the tasks were for and their
 * assignees. A task completed since its mail was queued is left out.
 */
@Component
class DeadlineMails implements MailBatchComposer {

  private final TaskService taskService;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final TaskEscalation escalation;
  private final Recipients recipients;
  private final TaskNotifications taskMails;
  private final MailTemplates templates;

  DeadlineMails(TaskService taskService, RepositoryService repository, IdentityService identity,
      TaskEscalation escalation, Recipients recipients, TaskNotifications taskMails, MailTemplates templates) {
    this.taskService = taskService;
    this.repository = repository;
    this.identity = identity;
    this.escalation = escalation;
    this.recipients = recipients;
    this.taskMails = taskMails;
    this.templates = templates;
  }

  @Override
  public boolean composes(MailKind kind) {
    return kind.equals(DeadlineMailKinds.REMINDER) || kind.equals(DeadlineMailKinds.OVERDUE)
        || kind.equals(DeadlineMailKinds.ESCALATION);
  }

  @Override
  public BatchMail compose(String batchKey, List<MailKey> keys) {
    String[] parts = batchKey.split("\\" + DeadlineSteps.SEPARATOR, -1);
    MailKind kind = new MailKind(parts[0]);
    int level = Integer.parseInt(parts[1]);
    List<String> groups = parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(","));
    Map<String, Task> open = taskService.createTaskQuery()
        .taskIdIn(keys.stream().map(MailKey::subject).toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(Task::getId, Function.identity()));
    List<Task> tasks = keys.stream().map(key -> open.get(key.subject())).filter(task -> task != null).toList();
    if (tasks.isEmpty()) {
      return BatchMail.nothing("tugas sudah selesai");
    }
    Set<MailKey> covered = keys.stream().filter(key -> open.containsKey(key.subject()))
        .collect(Collectors.toCollection(LinkedHashSet::new));

    List<String> origins = new ArrayList<>();
    if (kind.equals(DeadlineMailKinds.ESCALATION)) {
      tasks.forEach(task -> escalation.originsOf(task.getId()).stream().filter(o -> !origins.contains(o))
          .forEach(origins::add));
    }
    List<String> to = new ArrayList<>(recipients.ofGroups(groups));
    List<String> cc = new ArrayList<>();
    recipients.ofGroups(origins).stream().filter(a -> !to.contains(a)).forEach(cc::add);
    List<String> assigneeCopies = kind.equals(DeadlineMailKinds.ESCALATION) ? cc : to;
    tasks.stream().map(Task::getAssignee).distinct().flatMap(user -> recipients.ofUser(user).stream())
        .filter(a -> !to.contains(a) && !cc.contains(a)).forEach(assigneeCopies::add);

    Map<String, String> names = groupNames(groups, origins);
    Map<String, TaskNotifications.InstanceCaption> captions = taskMails.captionsOf(
        tasks.stream().map(Task::getProcessInstanceId).toList());
    Map<String, String> processNames = new HashMap<>();
    List<Map<String, Object>> items = tasks.stream().map(task -> item(task,
        captions.getOrDefault(task.getProcessInstanceId(), new TaskNotifications.InstanceCaption(null, null)),
        processNames.computeIfAbsent(task.getProcessDefinitionId(),
            id -> repository.getProcessDefinition(id).getName()))).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("kind", kind.name());
    model.put("level", level);
    model.put("tasks", items);
    model.put("agencies", (kind.equals(DeadlineMailKinds.ESCALATION) ? origins : groups).stream().map(names::get).sorted().toList());
    model.put("escalatedTo", kind.equals(DeadlineMailKinds.ESCALATION) ? groups.stream().map(names::get).sorted().toList() : List.of());
    model.put("tasklistLink", taskMails.tasklistLink());
    return new BatchMail(new Mail(to, cc, "[Siaga Pilkada] " + subject(kind, level, items, model),
        templates.text("escalation/task-deadline", model), templates.html("escalation/task-deadline", model), List.of()), covered,
        "tugas sudah selesai");
  }

  private Map<String, Object> item(Task task, TaskNotifications.InstanceCaption caption, String processName) {
    Map<String, Object> item = caption.model();
    item.put("taskName", task.getName());
    item.put("processName", processName);
    item.put("due", taskMails.dueText(task, item.get("regionCode")));
    item.put("link", taskMails.taskLink(task.getId()));
    return item;
  }


  private static String subject(MailKind kind, int level, List<Map<String, Object>> items, Map<String, Object> model) {
    String what;
    if (kind.equals(DeadlineMailKinds.REMINDER)) {
      what = "Pengingat: ";
    } else if (kind.equals(DeadlineMailKinds.OVERDUE)) {
      what = "Terlambat: ";
    } else if (kind.equals(DeadlineMailKinds.ESCALATION)) {
      what = "Eskalasi tingkat " + level + ": ";
    } else {
      throw new IllegalArgumentException("not a deadline mail: " + kind);
    }
    if (items.size() == 1) {
      Map<String, Object> item = items.get(0);
      return what + item.get("taskName") + " – " + item.get("regionName")
          + (kind.equals(DeadlineMailKinds.ESCALATION) ? "" : ", tenggat " + item.get("due"));
    }
    Set<Object> regions = items.stream().map(item -> item.get("regionName")).collect(Collectors.toCollection(LinkedHashSet::new));
    @SuppressWarnings("unchecked")
    List<String> agencies = (List<String>) model.get("agencies");
    return what + items.size() + " tugas – " + (regions.size() == 1 ? regions.iterator().next() : String.join(", ", agencies));
  }

  private Map<String, String> groupNames(Collection<String> groups, Collection<String> origins) {
    Set<String> ids = new LinkedHashSet<>(groups);
    ids.addAll(origins);
    Map<String, String> names = new LinkedHashMap<>();
    ids.forEach(id -> names.put(id, id));
    if (!ids.isEmpty()) {
      identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list()
          .forEach((Group group) -> names.put(group.getId(), group.getName()));
    }
    return names;
  }
}
