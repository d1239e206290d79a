package id.siaga.logistics;

import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives {@code logistics-distribution} through the engine's Java API as the system would (no
 * user: the gate's membership checks are the REST tests' business), submitting the forms' fields.
 * Shared by the path tests and the benchmark.
 */
final class LogisticsDriver {

  static final String PROCESS = LogisticsVariables.PROCESS_KEY;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final LogisticsRepository legs;

  LogisticsDriver(RuntimeService runtime, TaskService tasks, FormService forms, LogisticsRepository legs) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.legs = legs;
  }

  /** Plausible figures for every kecamatan of a region (seeded), imported as KPU would. */
  static void importFigures(KecamatanFiguresRepository figures, RegionRepository regions, String regionCode,
      Map<String, TransportMode> modes, List<String> remote) {
    Random random = new Random(regionCode.hashCode());
    List<KecamatanFigures> rows = new ArrayList<>();
    for (Region k : regions.findChildren(regionCode)) {
      int tps = 10 + random.nextInt(40);
      rows.add(new KecamatanFigures(k.code(), tps, tps * (200 + random.nextInt(350)), remote.contains(k.code()),
          modes.getOrDefault(k.code(), TransportMode.DARAT), KecamatanFigures.IMPORTED));
    }
    figures.replace(regionCode, rows, "test", Instant.now());
  }

  ProcessInstance start(String regionCode, LegDirection direction, String electionId) {
    return start(PROCESS, regionCode, direction, electionId);
  }

  /** A leg on another diagram of the process (an earlier version's copy, in the tests). */
  ProcessInstance start(String processKey, String regionCode, LegDirection direction, String electionId) {
    return runtime.startProcessInstanceByKey(processKey, Variables.createVariables().putValue("regionCode", regionCode)
        .putValue("direction", direction.name()).putValue("electionId", electionId));
  }

  Leg leg(ProcessInstance pi) {
    return legs.findByProcessInstance(pi.getId()).orElseThrow();
  }

  List<Task> tasks(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  Task task(ProcessInstance pi, String key) {
    List<Task> found = tasks(pi, key);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + key + ", found " + found.size() + "; open: "
          + tasks.createTaskQuery().processInstanceId(pi.getId()).list().stream().map(Task::getTaskDefinitionKey).toList()
          + ", instance ended: " + (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0));
    }
    return found.get(0);
  }

  /** The open task of a kecamatan. */
  Task task(ProcessInstance pi, String key, String districtCode) {
    return tasks(pi, key).stream().filter(t -> districtCode.equals(district(t))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " for " + districtCode));
  }

  String district(Task task) {
    return (String) tasks.getVariable(task.getId(), "districtCode");
  }

  void submit(Task task, Map<String, Object> fields) {
    forms.submitTaskForm(task.getId(), fields);
  }

  // ---- the forms as users fill them

  static Object json(String json) {
    return org.camunda.spin.Spin.JSON(json);
  }

  static Map<String, Object> escort() {
    return Map.of("escortLeader", "AKP Budi Santoso", "escortPersonnel", 4, "escortVehicle", "Truk Dalmas DD 1234 XX");
  }

  /** Receipt of everything dispatched, in good order. */
  Map<String, Object> fullReceipt(Leg leg, String districtCode) {
    Map<String, Object> fields = new HashMap<>();
    legs.quantities(leg.legId(), districtCode).forEach((item, q) -> {
      fields.put(item.field("Received"), q.dispatched());
      fields.put(item.field("Damaged"), 0);
    });
    return fields;
  }

  /** Allocation confirmed as computed and sorting without damage: the leg's kecamatan start. */
  void planWithoutChanges(ProcessInstance pi) {
    submit(task(pi, "ConfirmAllocationTask"), Map.of());
    submit(task(pi, "SortAndFoldTask"), ballots(leg(pi), "Damaged", 0));
  }

  /**
   * Completes every task of the outbound leg up to the destruction the way things go when nothing
   * goes wrong, from wherever the leg stands.
   */
  void completeOutboundOnTime(ProcessInstance pi) {
    Leg leg = leg(pi);
    for (Task t : tasks(pi, "ConfirmAllocationTask")) {
      submit(t, Map.of());
    }
    for (Task t : tasks(pi, "SortAndFoldTask")) {
      submit(t, ballots(leg, "Damaged", 0));
    }
    for (Task t : tasks(pi, "ProvideTransportTask")) {
      submit(t, Map.of("transportVehicle", "Longboat KPU 02, 3 awak"));
    }
    for (Task t : tasks(pi, "AssignEscortTask")) {
      submit(t, escort());
    }
    for (Task t : tasks(pi, "RecordDispatchTask")) {
      submit(t, Map.of());
    }
    for (Task t : tasks(pi, "ConfirmReceiptTask")) {
      submit(t, fullReceipt(leg, district(t)));
    }
    for (Task t : tasks(pi, "ConfirmTpsDeliveryTask")) {
      submit(t, Map.of("tpsServed", legs.district(leg.legId(), district(t)).orElseThrow().tpsCount()));
    }
    for (Task t : tasks(pi, "SuperviseDeliveryTask")) {
      submit(t, Map.of());
    }
  }

  void destroyAndWitness(ProcessInstance pi) {
    Leg leg = leg(pi);
    Map<String, Object> destruction = new LinkedHashMap<>();
    Map<LogisticsItem, Integer> damaged = damagedBallots(leg);
    damaged.forEach((item, n) -> {
      destruction.put(item.field("DestroyedDamaged"), n);
      destruction.put(item.field("DestroyedSurplus"), 12);
    });
    destruction.put("destructionReport", "BA/PL.02.1/7373/XI/2027");
    submit(task(pi, "RecordDestructionTask"), destruction);
    for (Task t : tasks(pi, "WitnessDestructionTask")) {
      submit(t, Map.of("witnessName", "Saksi " + t.getId()));
    }
  }

  Map<LogisticsItem, Integer> damagedBallots(Leg leg) {
    Map<LogisticsItem, Integer> damaged = new LinkedHashMap<>();
    for (QuantityRow q : legs.quantities(leg.legId())) {
      if (q.item().ballot()) {
        damaged.merge(q.item(), q.damaged() == null ? 0 : q.damaged(), Integer::sum);
      }
    }
    return damaged;
  }

  /** The same value for each ballot type of the leg's region. */
  Map<String, Object> ballots(Leg leg, String suffix, int value) {
    Map<String, Object> fields = new HashMap<>();
    legs.quantities(leg.legId(), leg.regionCode()).keySet().stream().filter(LogisticsItem::ballot)
        .forEach(item -> fields.put(item.field(suffix), value));
    return fields;
  }

  LogisticsRepository records() {
    return legs;
  }
}
