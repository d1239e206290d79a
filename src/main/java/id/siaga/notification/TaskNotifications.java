package id.siaga.notification;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  /** What a mail shows of a process instance: its region (null when unknown) and its stage's name. */
  public record InstanceCaption(Region region, String stageName) {

    public String regionName() {
      return region == null ? "-" : region.name();
    }

    /** The model entries every task mail template reads: regionCode, regionName, zone, stageName. */
    public Map<String, Object> model() {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("regionCode", region == null ? null : region.code());
      model.put("regionName", regionName());
      model.put("zone", region == null ? "UTC" : region.zone().name());
      model.put("stageName", stageName == null ? "-" : stageName);
      return model;
    }
  }

  /**
   * The caption of each process instance, from its {@code regionCode} and {@code stageName}
   * variables: one variable query for all of them, each region read once.
   */
  public Map<String, InstanceCaption> captionsOf(Collection<String> processInstanceIds) {
    Map<String, String> codes = new HashMap<>();
    Map<String, String> stages = new HashMap<>();
    String[] ids = processInstanceIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (ids.length > 0) {
      runtime.createVariableInstanceQuery().variableNameIn(Region.PROCESS_VARIABLE, STAGE_NAME).executionIdIn(ids)
          .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
          .filter(variable -> variable.getTaskId() == null && variable.getValue() != null)
          .forEach(variable -> (Region.PROCESS_VARIABLE.equals(variable.getName()) ? codes : stages)
              .put(variable.getProcessInstanceId(), variable.getValue().toString()));
    }
    Map<String, Optional<Region>> known = new HashMap<>();
    Map<String, InstanceCaption> captions = new HashMap<>();
    for (String id : ids) {
      String code = codes.get(id);
      Region region = code == null ? null : known.computeIfAbsent(code, regions::find).orElse(null);
      captions.put(id, new InstanceCaption(region, stages.get(id)));
    }
    return captions;
  }

  /** The due time as the region reads it ("Selasa, 26 November 2024 pukul 18.00 WITA"). */
  public String dueText(Task task, Object regionCode) {
    if (task.getDueDate() == null) {
      return "tanpa tenggat";
    }
    return regionCode == null ? task.getDueDate().toInstant() + " UTC"
        : deadlines.display(regionCode.toString(), task.getDueDate().toInstant());
  }
}
