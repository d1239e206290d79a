package id.siaga.notification;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What every mail about a user task shows, in Bahasa Indonesia: the link that opens it in
 * Tasklist, its region and stage, its due time in the region's own zone.
 */
@Service
public class TaskNotifications {

  /** The process variable with the stage's name, shown in the mails. */
  public static final String STAGE_NAME = "stageName";

  private final RegionRepository regions;
  private final LocalDeadlines deadlines;
  private final RuntimeService runtime;
  private final TasklistLinks links;

  TaskNotifications(RegionRepository regions, LocalDeadlines deadlines, RuntimeService runtime,
      TasklistLinks links) {
    this.regions = regions;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.links = links;
  }

  /** The link that opens the task in Tasklist. */
  public String taskLink(String taskId) {
    return links.task(taskId);
  }

  /** The link to Tasklist itself. */
  public String tasklistLink() {
    return links.tasklist();
  }

  /** A link into this installation ({@code SIAGA_BASE_URL} + path). */
  public String link(String path) {
    return links.to(path);
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
}
