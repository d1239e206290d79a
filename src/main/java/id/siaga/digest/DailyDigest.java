package id.siaga.digest;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.escalation.EscalationRecords;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailKind;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import id.siaga.notification.TaskNotifications;
import id.siaga.notification.TasklistLinks;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.region.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskCountByCandidateGroupResult;
import org.springframework.stereotype.Service;

/**
 * The daily digest: at 07:00 local time each agency with open tasks gets one mail listing them,
 * overdue ones first. Run every hour by the {@code daily-digest} process; each run serves the
 * zones where it is now the 07:00 hour, so WIT agencies get theirs two hours before WIB ones.
 *
 * <p>Reads the engine through its queries only, and a constant number of them per agency: the
 * agency's open tasks, their instances' {@code regionCode}, and their escalation levels from the
 * escalation package ({@link EscalationRecords#levelsOf}), each one query for all its tasks.
 */
@Service
public class DailyDigest {

  /** The kind of the digest mail: one per agency and local date. */
  public static final MailKind DIGEST = new MailKind("DIGEST");
  static final int HOUR = 7;
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", MailTemplates.INDONESIAN);

  /** One line of a digest. */
  public record Line(String taskId, String taskName, String regionName, String due, boolean overdue,
      int escalationLevel, String link) {}

  private final TaskService tasks;
  private final TaskNotifications taskMails;
  private final AgencyRepository agencies;
  private final RegionRepository regions;
  private final LocalDeadlines deadlines;
  private final EscalationRecords escalations;
  private final TasklistLinks links;
  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;

  DailyDigest(TaskService tasks, TaskNotifications taskMails, AgencyRepository agencies, RegionRepository regions,
      LocalDeadlines deadlines, EscalationRecords escalations, TasklistLinks links, Mailer mailer,
      Recipients recipients, MailTemplates templates) {
    this.tasks = tasks;
    this.taskMails = taskMails;
    this.agencies = agencies;
    this.regions = regions;
    this.deadlines = deadlines;
    this.escalations = escalations;
    this.links = links;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
  }

  /** Sends the digests due at {@code now}: for every agency whose zone is in its 07:00 hour. */
  public int sendDue(Instant now) {
    if (Arrays.stream(Zone.values()).noneMatch(zone -> now.atZone(zone.zoneId()).getHour() == HOUR)) {
      return 0;
    }
    Map<String, Optional<Region>> known = new HashMap<>();
    int sent = 0;
    for (String groupId : groupsWithOpenTasks()) {
      Agency agency = agencies.find(groupId).orElse(null);
      if (agency == null) {
        continue;
      }
      Zone zone = agency.regionCode() == null ? Zone.WIB
          : region(agency.regionCode(), known).map(Region::zone).orElse(Zone.WIB);
      ZonedDateTime local = now.atZone(zone.zoneId());
      if (local.getHour() == HOUR && sendFor(agency, local.toLocalDate(), now)) {
        sent++;
      }
    }
    return sent;
  }

  /** The digest of one agency for one local date, sent at most once. */
  public boolean sendFor(Agency agency, LocalDate date, Instant now) {
    List<Line> lines = lines(agency.groupId(), now);
    if (lines.isEmpty()) {
      return false;
    }
    return mailer.sendOnce(new MailKey(agency.groupId(), DIGEST, date.toString()), () -> {
      long overdue = lines.stream().filter(Line::overdue).count();
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("agency", agency.name());
      model.put("date", date.format(DATE));
      model.put("lines", lines);
      model.put("open", lines.size());
      model.put("overdue", overdue);
      model.put("link", links.tasklist());
      return new Mail(recipients.ofGroups(List.of(agency.groupId())), List.of(),
          "[Siaga Pilkada] Ringkasan harian " + agency.name() + ": " + lines.size() + " tugas terbuka, "
              + overdue + " terlambat – " + date.format(DATE),
          templates.text("digest/daily-digest", model), templates.html("digest/daily-digest", model), List.of());
    });
  }

  /** The open tasks of an agency's group (assigned or not), overdue first, then by due date. */
  public List<Line> lines(String groupId, Instant now) {
    List<Task> open = tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks().active()
        .orderByDueDate().asc().list();
    if (open.isEmpty()) {
      return List.of();
    }
    Map<String, TaskNotifications.InstanceCaption> captions = taskMails.captionsOf(
        open.stream().map(Task::getProcessInstanceId).toList());
    Map<String, Integer> levels = escalations.levelsOf(open.stream().map(Task::getId).toList());
    List<Line> lines = new ArrayList<>();
    for (Task task : open) {
      TaskNotifications.InstanceCaption caption = captions.get(task.getProcessInstanceId());
      Region region = caption == null ? null : caption.region();
      lines.add(new Line(task.getId(), task.getName(), region == null ? "-" : region.name(), due(task, region),
          task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now),
          levels.getOrDefault(task.getId(), 0), links.task(task.getId())));
    }
    lines.sort((a, b) -> Boolean.compare(b.overdue(), a.overdue()));
    return lines;
  }

  /** The due time as the region reads it ("Rabu, 9 Desember 2026 pukul 12.00 WITA"). */
  private String due(Task task, Region region) {
    if (task.getDueDate() == null) {
      return "tanpa tenggat";
    }
    return region == null ? task.getDueDate().toInstant() + " UTC"
        : deadlines.display(region.zone(), task.getDueDate().toInstant());
  }

  private Optional<Region> region(String code, Map<String, Optional<Region>> known) {
    return known.computeIfAbsent(code, regions::find);
  }

  /**
   * The groups that are candidates of an open task, from engine queries: Camunda's task report
   * counts the unassigned tasks per candidate group (one query); the other agencies are then asked
   * for claimed tasks by halving, which costs one count query when none has any (the usual case)
   * and about two per agency found.
   */
  private List<String> groupsWithOpenTasks() {
    Set<String> groups = new TreeSet<>();
    tasks.createTaskReport().taskCountByCandidateGroup().stream()
        .map(TaskCountByCandidateGroupResult::getGroupName).filter(Objects::nonNull).forEach(groups::add);
    List<String> others = agencies.findAll().stream().map(Agency::groupId).filter(id -> !groups.contains(id))
        .toList();
    collectWithOpenTasks(others, groups);
    return List.copyOf(groups);
  }

  private void collectWithOpenTasks(List<String> candidates, Set<String> found) {
    if (candidates.isEmpty()
        || tasks.createTaskQuery().taskCandidateGroupIn(candidates).includeAssignedTasks().active().count() == 0) {
      return;
    }
    if (candidates.size() == 1) {
      found.add(candidates.get(0));
      return;
    }
    int half = candidates.size() / 2;
    collectWithOpenTasks(candidates.subList(0, half), found);
    collectWithOpenTasks(candidates.subList(half, candidates.size()), found);
  }
}
