package id.siaga.digest;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.escalation.TaskNotifications;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailKind;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import id.siaga.notification.TasklistLinks;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.region.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The daily digest: at 07:00 local time each agency with open tasks gets one mail listing them,
 * overdue ones first. Run every hour by the {@code daily-digest} process; each run serves the
 * zones where it is now the 07:00 hour, so WIT agencies get theirs two hours before WIB ones.
 */
@Service
public class DailyDigest {

  /** The kind of the digest mail; one per agency and local date. */
  public static final MailKind DIGEST = new MailKind("DIGEST");
  static final int HOUR = 7;
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", MailTemplates.INDONESIAN);

  /** One line of a digest. */
  public record Line(String taskId, String taskName, String regionName, String due, boolean overdue,
      int escalationLevel, String link) {}

  private final TaskService tasks;
  private final AgencyRepository agencies;
  private final RegionRepository regions;
  private final TaskNotifications taskNotifications;
  private final TasklistLinks links;
  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final JdbcTemplate jdbc;

  DailyDigest(TaskService tasks, AgencyRepository agencies, RegionRepository regions,
      TaskNotifications taskNotifications, TasklistLinks links, Mailer mailer, Recipients recipients, MailTemplates templates,
      JdbcTemplate jdbc) {
    this.tasks = tasks;
    this.agencies = agencies;
    this.regions = regions;
    this.taskNotifications = taskNotifications;
    this.links = links;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.jdbc = jdbc;
  }

  /** Sends the digests due at {@code now}: for every agency whose zone is in its 07:00 hour. */
  public int sendDue(Instant now) {
    int sent = 0;
    for (String groupId : groupsWithOpenTasks()) {
      Agency agency = agencies.find(groupId).orElse(null);
      if (agency == null) {
        continue;
      }
      ZonedDateTime local = now.atZone(zoneOf(agency).zoneId());
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
          templates.text("daily-digest", model), templates.html("daily-digest", model), List.of());
    });
  }

  /** The open tasks of an agency's group (assigned or not), overdue first, then by due date. */
  public List<Line> lines(String groupId, Instant now) {
    List<Line> lines = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks().active()
        .orderByDueDate().asc().list()) {
      Map<String, Object> region = taskNotifications.regionOf(task.getProcessInstanceId());
      Object level = tasks.getVariableLocal(task.getId(), "escalationLevel");
      lines.add(new Line(task.getId(), task.getName(), (String) region.get("regionName"),
          taskNotifications.dueText(task, region.get("regionCode")),
          task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now),
          level instanceof Integer l ? l : 0, links.task(task.getId())));
    }
    lines.sort((a, b) -> Boolean.compare(b.overdue(), a.overdue()));
    return lines;
  }

  private List<String> groupsWithOpenTasks() {
    return jdbc.queryForList("select distinct I.GROUP_ID_ from ACT_RU_IDENTITYLINK I"
        + " join ACT_RU_TASK T on T.ID_ = I.TASK_ID_ where I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null"
        + " order by I.GROUP_ID_", String.class);
  }

  private Zone zoneOf(Agency agency) {
    return agency.regionCode() == null ? Zone.WIB
        : regions.find(agency.regionCode()).map(Region::zone).orElse(Zone.WIB);
  }
}
