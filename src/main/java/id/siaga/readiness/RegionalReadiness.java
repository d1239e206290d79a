package id.siaga.readiness;

import static org.camunda.spin.Spin.JSON;

import id.siaga.calendar.ElectionCalendar;
import id.siaga.calendar.Elections;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.calendar.Stage;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One race region walking one election's calendar, as {@code regional-readiness} does it: the
 * stages that the stage table gives work at the region's level and that have not ended, each with
 * its readiness window (the stage's first day, 00:00 local, minus the longest lead of its
 * workstreams; at once if that has passed).
 */
@EngineAdapter
@Component("regionalReadiness")
public class RegionalReadiness {

  static final String PROCESS_KEY = "regional-readiness";
  /**
   * Each stage's readiness window, as the walk worked it out when it started: a JSON object stage →
   * instant, kept as a text variable (a few hundred characters: stored in the variable's row, where a
   * JSON variable would take a byte array row in the runtime, the history and its detail).
   */
  static final String STAGE_WINDOWS = "stageWindows";

  private final JdbcTemplate jdbc;
  private final RegionRepository regions;
  private final Elections calendars;
  private final LocalDeadlines deadlines;
  private final StageTable table;
  private final IdentityService identity;

  RegionalReadiness(JdbcTemplate jdbc, RegionRepository regions, Elections calendars,
      LocalDeadlines deadlines, StageTable table, IdentityService identity) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.calendars = calendars;
    this.deadlines = deadlines;
    this.table = table;
    this.identity = identity;
  }

  /**
   * The stages of this region's walk, in calendar order: one sub-process each. Read from
   * {@code stageWindows}, whose keys are the stages in that order, so that each sub-process finds its
   * stage by its {@code loopCounter} and carries no variable of its own for it.
   */
  public List<String> stages(DelegateExecution execution) {
    return windows(execution).stages();
  }

  /** The stage of this sub-process: the walk's stage at its loop counter. */
  public String stageCode(DelegateExecution execution) {
    return windows(execution).stages().get(loopCounter(execution));
  }

  /**
   * When the readiness of this sub-process's stage starts (the due date of its timer): the window the
   * walk worked out when it started ({@code stageWindows}, set just before the sub-processes start),
   * or now if that has passed.
   */
  public Date opensAt(DelegateExecution execution) {
    Instant opens = windows(execution).opens().get(loopCounter(execution));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return Date.from(opens.isAfter(now) ? opens : now);
  }

  /** A walk's stage windows as read: its stages in calendar order and when each one's readiness opens. */
  record StageWindows(String text, List<String> stages, List<Instant> opens) {

    static StageWindows read(String text) {
      SpinJsonNode json = JSON(text);
      List<String> stages = List.copyOf(json.fieldNames());
      return new StageWindows(text, stages, stages.stream().map(stage -> Instant.parse(json.prop(stage).stringValue()))
          .toList());
    }
  }

  /**
   * The last windows read. A walk's nine stage timers are created one after the other and each asks
   * for its window, so the text is read once per walk, not once per timer; it is the same text or
   * it is read again.
   */
  private static final AtomicReference<StageWindows> lastRead = new AtomicReference<>();

  private static StageWindows windows(DelegateExecution execution) {
    String text = (String) execution.getVariable(STAGE_WINDOWS);
    StageWindows last = lastRead.get();
    if (last != null && last.text().equals(text)) {
      return last;
    }
    StageWindows read = StageWindows.read(text);
    lastRead.set(read);
    return read;
  }

  /** The position of this sub-process among the walk's stages. */
  private static int loopCounter(DelegateExecution execution) {
    return (Integer) execution.getVariable("loopCounter");
  }

  /** The stage's first day at 00:00 local, minus the longest lead of the workstreams the stage table gives it. */
  Instant windowOf(String processDefinitionId, Region region, Stage stage) {
    int lead = workstreamRows(processDefinitionId, stage.code(), region.level()).stream()
        .mapToInt(row -> ((Number) row.get("leadDays")).intValue()).max().orElse(0);
    return deadlines.at(region.zone(), stage.start(), LocalTime.MIDNIGHT).minus(Duration.ofDays(lead));
  }

  private List<Map<String, Object>> workstreamRows(String processDefinitionId, String stageCode, RegionLevel level) {
    return table.workstreams(processDefinitionId, stageCode, level.name());
  }

  /** Checks who walks which region through which election, and records the stages it will run. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    ReadinessStarters.requireSystemAdminOrDesk(user, "Kesiapan wilayah dimulai oleh sistem, administrator atau desk nasional");
    FormInput input = new FormInput(execution::getVariable);
    String regionCode = input.text(Region.PROCESS_VARIABLE, "Kode wilayah", 16, true);
    String electionId = input.text(TaskDeadlines.ELECTION_ID, "Pemilihan", 64, true);
    input.refuseIfInvalid();
    Region region = ReadinessStarters.raceRegion(regions, regionCode);
    ElectionCalendar calendar = calendars.recordedCalendarOf(electionId).orElse(null);
    if (calendar == null) {
      FormInput.refuse("Pemilihan " + FormInput.echo(electionId) + " tidak dikenal");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> stages = new ArrayList<>();
    Map<String, String> windows = new LinkedHashMap<>();
    for (Stage stage : calendar.stages()) {
      Instant ends = deadlines.at(region.zone(), stage.end().plusDays(1), LocalTime.MIDNIGHT);
      if (ends.isAfter(now) && !workstreamRows(execution.getProcessDefinitionId(), stage.code(), region.level()).isEmpty()) {
        stages.add(stage.code());
        windows.put(stage.code(), windowOf(execution.getProcessDefinitionId(), region, stage).toString());
      }
    }
    String readinessId = electionId + ":" + region.code();
    try {
      jdbc.update("insert into siaga_regional_readiness (readiness_id, process_instance_id, election_id, region_code,"
              + " stages, started_by, started_at) values (?, ?, ?, ?, ?, ?, ?)", readinessId,
          execution.getProcessInstanceId(), electionId, region.code(), String.join(",", stages),
          user == null ? "sistem" : user.getUserId(), java.sql.Timestamp.from(now));
    } catch (DuplicateKeyException twice) {
      FormInput.refuse("Kesiapan wilayah " + region.name() + " untuk pemilihan ini sudah dimulai (" + readinessId + ")");
    }
    execution.setProcessBusinessKey(readinessId);
    // set again only if the check changed them: setting a variable to its own value writes a history detail
    if (!region.code().equals(regionCode)) {
      execution.setVariable(Region.PROCESS_VARIABLE, region.code());
    }
    execution.setVariable("regionName", region.name());
    execution.setVariable("title", "Kesiapan wilayah " + region.name());
    // each stage's window, worked out once: one JSON text, read by each stage's timer and shown in Cockpit
    execution.setVariable(STAGE_WINDOWS, windows.entrySet().stream()
        .map(w -> "\"" + w.getKey() + "\":\"" + w.getValue() + "\"").collect(Collectors.joining(",", "{", "}")));
  }

}
