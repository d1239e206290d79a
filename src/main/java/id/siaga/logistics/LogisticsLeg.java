package id.siaga.logistics;

import static id.siaga.logistics.LogisticsVariables.*;

import id.siaga.agency.AdHocBodies;
import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.Election;
import id.siaga.calendar.ElectionRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.notification.TaskNotifications;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import id.siaga.system.KeptFacts;
import id.siaga.system.TransientValues;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * One leg of the logistics distribution as {@code logistics-distribution} walks it. Every step
 * finds its leg from the process instance and its kecamatan from the sub-process instance the
 * server created for it, through the product's tables; a form contributes only its own fields.
 * The rules live in {@link Allocation}, {@link Quantities} and {@link LegStart}; the diagram's
 * collections come from the bean {@code logisticsLeg}.
 */
@EngineAdapter
@Component("logisticsLeg")
public class LogisticsLeg {

  static final int MAX_QUANTITY = 10_000_000;
  /**
   * When the sealed boxes of a kecamatan must be back at the KPU warehouse on the return leg: the
   * due rule of "Terima kotak suara di gudang" (ReceiveReturnTask) in the diagram, recorded as the
   * kecamatan's deadline so that the status shows a late return.
   */
  static final String RETURN_ARRIVAL_RULE = "H+5 18:00";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LogisticsRepository legs;
  private final KecamatanFiguresRepository figures;
  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final ElectionRepository elections;
  private final LocalDeadlines deadlines;
  private final AdHocBodies bodies;
  private final IdentityService identity;
  /** {@link #legOf}: the open legs of a national stage and then some. */
  private final KeptFacts<Leg> openLegs = new KeptFacts<>(4096);
  /** {@link #kecamatanOf}: their kecamatan. */
  private final KeptFacts<KecamatanFacts> kecamatan = new KeptFacts<>(16384);

  LogisticsLeg(LogisticsRepository legs, KecamatanFiguresRepository figures, RegionRepository regions,
      AgencyRepository agencies, ElectionRepository elections, LocalDeadlines deadlines, AdHocBodies bodies,
      IdentityService identity) {
    this.legs = legs;
    this.figures = figures;
    this.regions = regions;
    this.agencies = agencies;
    this.elections = elections;
    this.deadlines = deadlines;
    this.bodies = bodies;
    this.identity = identity;
  }

  // ---- expressions of the diagram

  /** The kecamatan of this instance's leg: one sub-process each. */
  public List<String> districts(DelegateExecution execution) {
    return legs.districts(legOf(execution.getProcessInstanceId()).legId()).stream()
        .map(DistrictLeg::districtCode).toList();
  }

  /** The open supervision findings of this kecamatan: one corrective task each. */
  public List<String> openFindings(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    return legs.openFindings(leg.legId(), districtOf(execution, leg).districtCode(), LogisticsFinding.SUPERVISION)
        .stream().map(LogisticsFinding::findingId).toList();
  }

  /** The witnesses of the destruction: Bawaslu and Polri of the region. */
  public List<String> witnessGroups(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    return List.of(Agency.groupId(AgencyType.BAWASLU, leg.regionCode()), Agency.groupId(AgencyType.POLRI, leg.regionCode()));
  }

  /**
   * The kecamatan of this leg as the allocation form offers them ("Wara (73.73.01)"): all of them,
   * or only the remote (3T) ones for transport support.
   */
  public SpinJsonNode districtOptions(DelegateExecution execution, boolean remoteOnly) {
    Leg leg = legOf(execution.getProcessInstanceId());
    Map<String, String> names = regions.findChildren(leg.regionCode()).stream()
        .collect(Collectors.toMap(Region::code, Region::name));
    List<Map<String, String>> options = new ArrayList<>();
    for (DistrictLeg d : legs.districts(leg.legId())) {
      if (!remoteOnly || d.remote()) {
        options.add(Map.of("label", names.getOrDefault(d.districtCode(), d.districtCode()) + " (" + d.districtCode() + ")",
            "value", d.districtCode()));
      }
    }
    return Spin.JSON(options);
  }

  // ---- what a kecamatan's forms show, worked out when the form is read (formValue.* properties)

  /** The kecamatan's quantities as the dispatch and receipt forms show them. */
  public String quantitiesText(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    return LogisticsTexts.items(legs.quantities(leg.legId(), districtOf(execution, leg).districtCode()), false);
  }

  /** What the replacement brings, as the receipt form of a replacement shows it. */
  public String replacementText(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    return LogisticsTexts.sent(outstanding(legs.quantities(leg.legId(), districtOf(execution, leg).districtCode())));
  }

  /**
   * What has not arrived in good order, per item: what a replacement round sends, and until its
   * receipt is counted (nothing else changes what was received in between), what it brought.
   */
  private static Map<LogisticsItem, Integer> outstanding(Map<LogisticsItem, QuantityRow> rows) {
    Map<LogisticsItem, Integer> missing = new EnumMap<>(LogisticsItem.class);
    rows.forEach((item, q) -> {
      int n = q.dispatched() - (q.received() == null ? 0 : q.received());
      if (n > 0) {
        missing.put(item, n);
      }
    });
    return missing;
  }

  /** When the kecamatan's materials must arrive, in its region's time ("Selasa, … pukul 18.00 WITA"); empty if not set. */
  public String arriveByText(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    Instant arriveBy = districtOf(execution, leg).arriveBy();
    return arriveBy == null ? "" : deadlines.display(leg.regionCode(), arriveBy);
  }

  /** The kecamatan's open reconciliation findings, one per line, as Bawaslu's review form shows them. */
  public String differencesText(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    return legs.openFindings(leg.legId(), districtOf(execution, leg).districtCode(), LogisticsFinding.RECONCILIATION)
        .stream().map(f -> "- " + f.description()).collect(Collectors.joining("\n"));
  }

  /** The TPS of this kecamatan as the return form's checklist offers them: "TPS 1" … "TPS n". */
  public SpinJsonNode tpsOptions(DelegateExecution execution) {
    Leg leg = legOf(execution.getProcessInstanceId());
    DistrictLeg district = districtOf(execution, leg);
    StringBuilder json = new StringBuilder("[");
    for (int tps = 1; tps <= district.tpsCount(); tps++) {
      json.append(tps == 1 ? "" : ",").append("{\"label\":\"TPS ").append(tps).append("\",\"value\":\"").append(tps)
          .append("\"}");
    }
    return Spin.JSON(json.append(']').toString());
  }

  // ---- start

  /** Checks who starts which leg of which region, and records it with its kecamatan and plan. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    FormInput input = new FormInput(execution::getVariable);
    String regionCode = input.text(Region.PROCESS_VARIABLE, "Kode kabupaten/kota", 16, true);
    LegDirection direction = input.choice(DIRECTION, "Arah distribusi", LegDirection.class);
    input.refuseIfInvalid();
    Region region = regions.find(regionCode).filter(r -> r.level() == RegionLevel.REGENCY)
        .filter(r -> agencies.find(Agency.groupId(AgencyType.KPU, r.code())).isPresent()).orElse(null);
    if (region == null) {
      FormInput.refuse("Kode " + FormInput.echo(regionCode) + " bukan kabupaten/kota penyelenggara Pilkada (contoh 73.73)");
    }
    if (user != null && !mayStart(user, region.code())) {
      FormInput.refuse("Distribusi logistik " + region.name() + " dimulai oleh KPU atau Badan Kesbangpol " + region.name());
    }
    LocalDate today = LocalDate.ofInstant(now(), deadlines.zoneOf(region.code()));
    String givenElection = user == null ? (String) execution.getVariable(TaskDeadlines.ELECTION_ID) : null;
    Optional<Election> election = givenElection != null ? elections.find(givenElection)
        : LegStart.electionFor(direction, elections.findAll(), today);
    if (election.isEmpty()) {
      FormInput.refuse(direction == LegDirection.OUTBOUND ? "Tidak ada pemilihan mendatang untuk distribusi ke TPS"
          : "Belum ada pemilihan yang hari pemungutan suaranya sudah lewat");
    }
    Election e = election.get();
    LegStart.checkTiming(direction, e.votingDay(), today, input::problem);
    legs.find(e.id(), region.code(), direction).ifPresent(existing -> input.problem(direction.title() + " "
        + region.name() + " untuk " + e.name() + " sudah dimulai (" + existing.legId() + "); satu kali per pemilihan"));
    if (direction == LegDirection.RETURN && legs.find(e.id(), region.code(), LegDirection.OUTBOUND).isEmpty()) {
      input.problem("Pengembalian membutuhkan distribusi ke TPS yang tercatat untuk " + region.name());
    }
    Map<String, KecamatanFigures> byDistrict = figures.findByRegion(region.code()).stream()
        .collect(Collectors.toMap(KecamatanFigures::districtCode, f -> f));
    List<Region> kecamatan = regions.findChildren(region.code());
    List<String> missing = kecamatan.stream().filter(k -> !byDistrict.containsKey(k.code())).map(Region::name).toList();
    if (!missing.isEmpty()) {
      input.problem("Data TPS dan DPT belum diimpor untuk " + missing.size() + " kecamatan: "
          + String.join(", ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? ", …" : "")
          + " (PUT /api/logistics/figures/" + region.code() + ")");
    }
    input.refuseIfInvalid();

    String legId = "logistik-" + HexFormat.of().formatHex(randomBytes());
    Leg leg = new Leg(legId, execution.getProcessInstanceId(), e.id(), region.code(), direction, true,
        user == null ? (String) execution.getVariable(STARTED_BY) : user.getUserId(), now(), null);
    try {
      legs.insert(leg);
    } catch (DuplicateKeyException raced) {
      FormInput.refuse(direction.title() + " " + region.name() + " untuk " + e.name() + " sudah dimulai; satu kali per pemilihan");
    }
    List<LogisticsItem> ballotTypes = ballotTypes(region);
    List<DistrictLeg> districts = new ArrayList<>();
    List<QuantityRow> quantities = new ArrayList<>();
    Map<LogisticsItem, Integer> warehouse = new EnumMap<>(LogisticsItem.class);
    Instant returnBy = direction == LegDirection.RETURN
        ? deadlines.deadline(e.id(), region.code(), RETURN_ARRIVAL_RULE) : null;
    for (Region k : kecamatan) {
      KecamatanFigures f = byDistrict.get(k.code());
      districts.add(new DistrictLeg(legId, k.code(), f.tpsCount(), f.voters(), f.remote(), f.transport(),
          DistrictLeg.NO_SUPPORT, returnBy, null, null, null, null));
      if (direction == LegDirection.OUTBOUND) {
        Allocation.of(f, ballotTypes).forEach((item, n) -> {
          quantities.add(new QuantityRow(k.code(), item, n, n, null, null, null, null, 0, null, null));
          warehouse.merge(item, n, Integer::sum);
        });
      }
    }
    warehouse.forEach((item, n) ->
        quantities.add(new QuantityRow(region.code(), item, n, n, null, null, null, null, 0, null, null)));
    legs.insertDistricts(districts);
    legs.insertQuantities(legId, quantities);
    bodies.ensure(region.code(), AdHocBodies.Kind.PPK);
    bodies.ensure(region.code(), AdHocBodies.Kind.PANWASCAM);

    execution.setProcessBusinessKey(legId);
    execution.setVariable(LEG_ID, legId);
    execution.setVariable(Region.PROCESS_VARIABLE, region.code());
    execution.setVariable(DIRECTION, direction.name());
    execution.setVariable(REGION_NAME, region.name());
    execution.setVariable(TaskDeadlines.ELECTION_ID, e.id());
    execution.setVariable(TaskNotifications.STAGE_NAME, direction.title());
    execution.setVariable(STARTED_BY, leg.startedBy());
    execution.setVariable(TITLE, "Tingkat kabupaten/kota");
    execution.setVariable(KPU_GROUP, Agency.groupId(AgencyType.KPU, region.code()));
    execution.setVariable(KPU_PROVINCE_GROUP, Agency.groupId(AgencyType.KPU, region.provinceCode()));
    execution.setVariable(BAWASLU_GROUP, Agency.groupId(AgencyType.BAWASLU, region.code()));
    execution.setVariable(ESCORT_GROUP, Agency.groupId(AgencyType.POLRI, region.code()));
    execution.setVariable(HAS_PROVINCE_RACE, ballotTypes.contains(LogisticsItem.BALLOT_PROVINCE));
    execution.setVariable(HAS_LOCAL_RACE, ballotTypes.contains(LogisticsItem.BALLOT_LOCAL));
    if (direction == LegDirection.OUTBOUND) {
      execution.setVariable(ALLOCATION_TEXT, LogisticsTexts.allocation(region.code(), kecamatan, legs.quantities(legId)));
      execution.setVariable(WAREHOUSE_TEXT, LogisticsTexts.items(legs.quantities(legId, region.code()), false));
    }
  }

  /** How many changes the allocation form takes per submission (docs/processes/logistics-distribution.md). */
  static final int CHANGE_SLOTS = 5;

  /** The filled change slots of the allocation form as rows (kecamatan, item, quantity, reason). */
  private static List<Map<String, Object>> changeSlots(DelegateTask task) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int k = 1; k <= CHANGE_SLOTS; k++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("districtCode", task.getVariable("change" + k + "District"));
      row.put("item", task.getVariable("change" + k + "Item"));
      row.put("quantity", task.getVariable("change" + k + "Quantity"));
      row.put("reason", task.getVariable("change" + k + "Reason"));
      if (row.values().stream().anyMatch(v -> v != null && !v.toString().isBlank())) {
        row.put("slot", k);
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean mayStart(Authentication user, String regionCode) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Agency.groupId(AgencyType.KPU, regionCode))
        || groups.contains(Agency.groupId(AgencyType.KESBANGPOL, regionCode));
  }

  private List<LogisticsItem> ballotTypes(Region regency) {
    boolean provinceRace = regions.find(regency.provinceCode()).map(Region::hasRace).orElse(false);
    return Allocation.ballotTypes(provinceRace, regency.hasRace());
  }

  // ---- plan

  /** KPU confirms the allocation: a changed number needs a reason; transport support for remote kecamatan. */
  void confirmAllocation(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Map<String, DistrictLeg> districts = legs.districts(leg.legId()).stream()
        .collect(Collectors.toMap(DistrictLeg::districtCode, d -> d, (a, b) -> a, LinkedHashMap::new));
    Map<String, Map<LogisticsItem, QuantityRow>> plan = new LinkedHashMap<>();
    record Change(String district, LogisticsItem item, int quantity, String reason) {}
    List<Change> changes = new ArrayList<>();
    for (Map<String, Object> row : changeSlots(task)) {
      int line = (Integer) row.remove("slot");
      FormInput r = new FormInput(row);
      String district = r.text("districtCode", "Kode kecamatan", 16, true);
      LogisticsItem item = r.choice("item", "Barang", LogisticsItem.class);
      Integer quantity = r.wholeNumber("quantity", "Jumlah", 0, MAX_QUANTITY);
      String reason = r.text("reason", "Alasan perubahan", 500, true);
      if (district != null && !districts.containsKey(district)) {
        r.problem("kecamatan " + FormInput.echo(district) + " bukan kecamatan " + task.getVariable(REGION_NAME));
      }
      Map<LogisticsItem, QuantityRow> rows = district == null || !districts.containsKey(district) ? Map.of()
          : plan.computeIfAbsent(district, d -> legs.quantities(leg.legId(), d));
      if (item != null && district != null && districts.containsKey(district) && !rows.containsKey(item)) {
        r.problem(item.label() + " tidak dialokasikan ke kecamatan ini");
      }
      for (String problem : r.problems()) {
        input.problem("Perubahan " + line + ": " + problem);
      }
      if (r.problems().isEmpty()) {
        changes.add(new Change(district, item, quantity, reason));
      }
    }
    Map<String, String> support = new LinkedHashMap<>();
    for (String provider : List.of("TNI", "PEMDA")) {
      String label = provider.equals("TNI") ? "Angkutan TNI" : "Angkutan pemerintah daerah";
      for (Object value : input.list(provider.equals("TNI") ? "tniTransport" : "pemdaTransport", label)) {
        String district = value == null ? "" : value.toString();
        DistrictLeg d = districts.get(district);
        if (d == null) {
          input.problem(label + ": kecamatan " + FormInput.echo(district) + " bukan kecamatan " + task.getVariable(REGION_NAME));
        } else if (!d.remote()) {
          input.problem(label + ": bantuan angkutan TNI/Pemda diminta untuk kecamatan terpencil (3T) saja");
        } else if (support.containsKey(district)) {
          input.problem("Kecamatan " + district + " dicentang untuk angkutan TNI dan pemerintah daerah sekaligus");
        } else {
          support.put(district, provider);
        }
      }
    }
    input.refuseIfInvalid();
    for (Change c : changes) {
      legs.override(leg.legId(), c.district(), c.item(), c.quantity(), c.reason());
    }
    support.forEach((district, provider) -> legs.setSupport(leg.legId(), district, provider));
    recomputeWarehouse(leg);
    task.getExecution().setVariable(WAREHOUSE_TEXT,
        LogisticsTexts.items(legs.quantities(leg.legId(), leg.regionCode()), false));
  }

  private void recomputeWarehouse(Leg leg) {
    Map<LogisticsItem, Integer> totals = new EnumMap<>(LogisticsItem.class);
    for (QuantityRow q : legs.quantities(leg.legId())) {
      if (!q.placeCode().equals(leg.regionCode())) {
        totals.merge(q.item(), q.planned(), Integer::sum);
      }
    }
    totals.forEach((item, n) -> legs.override(leg.legId(), leg.regionCode(), item, n, null));
  }

  /** Sorting and folding: damaged ballots per type; any damage opens a replacement request. */
  void recordSortFold(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Map<LogisticsItem, QuantityRow> warehouse = legs.quantities(leg.legId(), leg.regionCode());
    Map<LogisticsItem, Integer> damaged = new EnumMap<>(LogisticsItem.class);
    for (LogisticsItem ballot : ballotsOf(warehouse)) {
      Integer n = input.wholeNumber(ballot.field("Damaged"), ballot.label() + " rusak", 0, warehouse.get(ballot).planned());
      if (n != null) {
        damaged.put(ballot, n);
      }
    }
    input.text("sortNotes", "Catatan sortir dan lipat", 2000, false);
    input.refuseIfInvalid();
    damaged.forEach((item, n) -> legs.set(leg.legId(), leg.regionCode(), item, "damaged", n));
    task.getExecution().setVariable(REPLACEMENT_NEEDED, damaged.values().stream().anyMatch(n -> n > 0));
    task.getExecution().setVariable(WAREHOUSE_TEXT,
        LogisticsTexts.items(legs.quantities(leg.legId(), leg.regionCode()), true));
  }

  /** KPU Provinsi replaces the damaged ballots: exactly what was damaged, which closes the request. */
  void recordReplacement(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Map<LogisticsItem, QuantityRow> warehouse = legs.quantities(leg.legId(), leg.regionCode());
    Map<LogisticsItem, Integer> requested = new EnumMap<>(LogisticsItem.class);
    Map<LogisticsItem, Integer> replaced = new EnumMap<>(LogisticsItem.class);
    for (LogisticsItem ballot : ballotsOf(warehouse)) {
      int damaged = warehouse.get(ballot).damaged() == null ? 0 : warehouse.get(ballot).damaged();
      requested.put(ballot, damaged);
      Integer n = input.wholeNumber(ballot.field("Replaced"), ballot.label() + " pengganti", 0, MAX_QUANTITY);
      if (n != null) {
        replaced.put(ballot, n);
      }
    }
    input.text("replacementNotes", "Catatan penggantian", 2000, false);
    Quantities.replacementCloses(requested, replaced, input::problem);
    input.refuseIfInvalid();
    replaced.forEach((item, n) -> legs.set(leg.legId(), leg.regionCode(), item, "replaced", n));
  }

  // ---- one kecamatan

  /** The kecamatan's facts for its sub-process, from the leg's records. */
  void prepareKecamatan(DelegateExecution execution) {
    Leg leg = openLeg(execution.getProcessInstanceId());
    DistrictLeg district = districtOf(execution, leg);
    Region kecamatan = regions.find(district.districtCode()).orElseThrow();
    Region regency = regions.find(leg.regionCode()).orElseThrow();
    // what Tasklist's list shows under each task and the kecamatan's forms name: stored
    execution.setVariableLocal(TITLE, "Kecamatan " + kecamatan.name());
    // read in this transaction only: the deadline table's inputs, the transport gateway, the transport task's group
    boolean needed = !DistrictLeg.NO_SUPPORT.equals(district.support());
    execution.setVariableLocal(TRANSPORT, Variables.stringValue(district.transport().name(), true));
    execution.setVariableLocal(REMOTE, Variables.booleanValue(district.remote(), true));
    execution.setVariableLocal(VULNERABILITY, Variables.stringValue(
        regency.vulnerability() == null ? null : regency.vulnerability().name(), true));
    execution.setVariableLocal(TRANSPORT_NEEDED, Variables.booleanValue(needed, true));
    execution.setVariableLocal(TRANSPORT_GROUP, Variables.stringValue(needed ? Agency.groupId("TNI".equals(district.support())
        ? AgencyType.TNI : AgencyType.PEMDA, leg.regionCode()) : null, true));
    if (drawnWithStoredFacts(execution)) {
      // a diagram drawn before 2026-11-25 names the groups by variable in later transactions and
      // its forms show the name: kept for its instances until they end
      execution.setVariableLocal(DISTRICT_NAME, kecamatan.name());
      execution.setVariableLocal(PPK_GROUP, ppkGroup(execution));
      execution.setVariableLocal(PANWASCAM_GROUP, panwascamGroup(execution));
    }
  }

  /** A kecamatan sub-process of a diagram drawn before 2026-11-25: it declares the deadline table's result. */
  private static boolean drawnWithStoredFacts(DelegateExecution kecamatanScope) {
    return kecamatanScope.hasVariableLocal(DAYS_BEFORE_VOTING);
  }

  /** The PPK of this sub-process instance's kecamatan: the candidate group of its tasks. */
  public String ppkGroup(DelegateExecution execution) {
    return AdHocBodies.Kind.PPK.groupId((String) execution.getVariable(DISTRICT_CODE));
  }

  /** The Panwascam of this sub-process instance's kecamatan: the candidate group of its supervision. */
  public String panwascamGroup(DelegateExecution execution) {
    return AdHocBodies.Kind.PANWASCAM.groupId((String) execution.getVariable(DISTRICT_CODE));
  }

  /**
   * After the deadline table: the kecamatan's arrival instant, H minus the table's days at 18:00
   * local, recorded for the status and kept as the anchor of its tasks' due rules.
   */
  void recordArrivalDeadline(DelegateExecution execution) {
    // the business rule task runs in a scope of its own, inside the kecamatan's sub-process instance
    ExecutionEntity rules = (ExecutionEntity) execution;
    DelegateExecution kecamatan = rules.findExecutionForFlowScope(rules.getActivity().getFlowScope());
    boolean storedFacts = drawnWithStoredFacts(kecamatan);
    int days;
    if (storedFacts) {
      days = ((Number) kecamatan.getVariableLocal(DAYS_BEFORE_VOTING)).intValue();
      kecamatan.setVariableLocal(ARRIVAL_DUE_RULE, "H-" + days + " 18:00");
      kecamatan.setVariableLocal(DISPATCH_DUE_RULE, "H-" + (days + 1) + " 18:00");
    } else {
      // the engine's transient result of the task just ended (the diagram names no result variable)
      DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DecisionEvaluationUtil.DECISION_RESULT_VARIABLE);
      days = ((Number) result.getSingleResult().getSingleEntry()).intValue();
    }
    Instant arriveBy = deadlines.deadline((String) execution.getVariable(TaskDeadlines.ELECTION_ID),
        (String) execution.getVariable(Region.PROCESS_VARIABLE), "H-" + days + " 18:00");
    legs.setArriveBy((String) execution.getVariable(LEG_ID), (String) execution.getVariable(DISTRICT_CODE), arriveBy);
    if (!storedFacts) {
      kecamatan.setVariableLocal(ARRIVE_BY, Date.from(arriveBy));
    }
  }

  /** TNI or Pemda confirms the transport it provides. */
  void recordTransport(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    String vehicle = input.text("transportVehicle", "Sarana angkutan", 200, true);
    String notes = input.text("transportNotes", "Catatan angkutan", 300, false);
    input.refuseIfInvalid();
    legs.recordTransport(leg.legId(), district.districtCode(), vehicle + (notes == null ? "" : " — " + notes));
  }

  /** Polres assigns the escort: leader, personnel and vehicle. */
  void recordEscort(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    String leader = input.text("escortLeader", "Komandan pengawalan", 120, true);
    Integer personnel = input.wholeNumber("escortPersonnel", "Jumlah personel pengawal", 1, 500);
    String vehicle = input.text("escortVehicle", "Kendaraan pengawalan", 120, true);
    input.refuseIfInvalid();
    legs.recordEscort(leg.legId(), district.districtCode(), leader, personnel, vehicle);
  }

  /** KPU records the dispatch: every item leaves as planned. */
  void recordDispatch(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    input.text("dispatchNotes", "Catatan pengiriman", 2000, false);
    input.refuseIfInvalid();
    legs.dispatchAsPlanned(leg.legId(), district.districtCode());
    legs.stamp(leg.legId(), district.districtCode(), "dispatched_at", now());
  }

  /** The PPK's receipt: received and damaged per item; a shortfall opens a replacement. */
  void recordReceipt(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    Map<LogisticsItem, QuantityRow> rows = legs.quantities(leg.legId(), district.districtCode());
    Map<LogisticsItem, Integer> sent = new EnumMap<>(LogisticsItem.class);
    rows.forEach((item, q) -> sent.put(item, q.dispatched() == null ? 0 : q.dispatched()));
    receive(task, leg, district, rows, sent, false);
    legs.stamp(leg.legId(), district.districtCode(), "received_at", now());
  }

  /** KPU sends what the kecamatan is short of. */
  void recordShortfallDispatch(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    input.text("dispatchNotes", "Catatan pengiriman", 2000, false);
    input.refuseIfInvalid();
    Map<LogisticsItem, QuantityRow> rows = legs.quantities(leg.legId(), district.districtCode());
    // what has not arrived in good order so far, whatever earlier rounds sent
    outstanding(rows).forEach((item, missing) ->
        legs.set(leg.legId(), district.districtCode(), item, "replaced", rows.get(item).replaced() + missing));
  }

  /** The PPK's receipt of a replacement: what arrived adds to what was received. */
  void recordShortfallReceipt(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    Map<LogisticsItem, QuantityRow> rows = legs.quantities(leg.legId(), district.districtCode());
    receive(task, leg, district, rows, outstanding(rows), true);
  }

  private void receive(DelegateTask task, Leg leg, KecamatanFacts district, Map<LogisticsItem, QuantityRow> rows,
      Map<LogisticsItem, Integer> sent, boolean replacement) {
    FormInput input = new FormInput(task::getVariable);
    Map<LogisticsItem, Quantities.Count> counted = new EnumMap<>(LogisticsItem.class);
    for (LogisticsItem item : sent.keySet()) {
      Integer received = input.wholeNumber(item.field("Received"), item.label() + " diterima baik", 0, MAX_QUANTITY);
      Integer damaged = input.wholeNumber(item.field("Damaged"), item.label() + " rusak", 0, MAX_QUANTITY);
      if (received != null && damaged != null) {
        counted.put(item, new Quantities.Count(received, damaged));
      }
    }
    input.text("receiptNotes", "Catatan penerimaan", 2000, false);
    Map<LogisticsItem, Integer> shortfall = Quantities.shortfall(sent, counted, input::problem);
    input.refuseIfInvalid();
    Map<LogisticsItem, Quantities.Count> totals = new EnumMap<>(LogisticsItem.class);
    counted.forEach((item, count) -> {
      QuantityRow q = rows.get(item);
      totals.put(item, new Quantities.Count(
          (replacement && q.received() != null ? q.received() : 0) + count.received(),
          (replacement && q.damaged() != null ? q.damaged() : 0) + count.damaged()));
    });
    legs.setReceived(leg.legId(), district.districtCode(), totals);
    // read by the gateway right after the task, in this transaction
    TransientValues.forThisTransaction(task.getExecution(), SHORTFALL, Variables.booleanValue(!shortfall.isEmpty(), true));
  }

  /** The PPK confirms delivery to every PPS and TPS of the kecamatan. */
  void recordTpsDelivery(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    Integer served = input.wholeNumber("tpsServed", "Jumlah TPS yang menerima", 0, district.tpsCount());
    input.text("deliveryNotes", "Catatan penyerahan", 2000, false);
    if (served != null && served < district.tpsCount()) {
      input.problem("Baru " + served + " dari " + district.tpsCount() + " TPS menerima logistik; selesaikan tugas ini"
          + " setelah semua TPS menerima (tenggat H-1 18.00 waktu setempat)");
    }
    input.refuseIfInvalid();
    legs.recordTpsServed(leg.legId(), district.districtCode(), served, now());
  }

  /** The Panwascam's supervision: each finding opens a corrective task for KPU. */
  void recordSupervision(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    List<FindingCategory> categories = input.choices("findingCategories", "Jenis temuan", FindingCategory.class);
    String description = input.text("findingDescription", "Uraian temuan", 1000, !categories.isEmpty());
    if (categories.isEmpty() && description != null) {
      input.problem("Uraian temuan diisi, tetapi tidak ada jenis temuan yang dicentang");
    }
    List<LogisticsFinding> findings = new ArrayList<>();
    for (FindingCategory category : new java.util.LinkedHashSet<>(categories)) {
      findings.add(new LogisticsFinding(newId("temuan-"), leg.legId(), district.districtCode(),
          LogisticsFinding.SUPERVISION, category.name(), description, userId(task), now(), "OPEN", null));
    }
    input.text("supervisionNotes", "Catatan pengawasan", 2000, false);
    input.refuseIfInvalid();
    findings.forEach(legs::insertFinding);
    // read by the gateway right after the task, in this transaction
    TransientValues.forThisTransaction(task.getExecution(), FINDING_COUNT, Variables.integerValue(findings.size(), true));
  }

  /** Shows the finding on its corrective task. */
  void describeFinding(DelegateTask task) {
    LogisticsFinding finding = findingOf(task);
    task.setVariableLocal(FINDING_TEXT, FindingCategory.valueOf(finding.category()).label() + ": " + finding.description());
  }

  /** KPU's correction of one finding. */
  void recordCorrection(DelegateTask task) {
    LogisticsFinding finding = findingOf(task);
    FormInput input = new FormInput(task::getVariable);
    String correction = input.text("correctionNotes", "Tindakan perbaikan", 2000, true);
    input.refuseIfInvalid();
    legs.respond(finding.findingId(), "CORRECTED", correction, userId(task), now());
  }

  private LogisticsFinding findingOf(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    LogisticsFinding finding = legs.finding((String) task.getExecution().getVariable(FINDING_ID))
        .orElseThrow(() -> new IllegalStateException("no finding for task " + task.getId()));
    if (!finding.legId().equals(leg.legId()) || !finding.districtCode().equals(district.districtCode())) {
      throw new IllegalStateException("finding " + finding.findingId() + " is not of this kecamatan's leg");
    }
    return finding;
  }

  // ---- destruction

  /** KPU records the destruction: every damaged ballot recorded, and the surplus, per type. */
  void recordDestruction(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    List<QuantityRow> all = legs.quantities(leg.legId());
    Map<LogisticsItem, Integer> damagedRecorded = new EnumMap<>(LogisticsItem.class);
    for (QuantityRow q : all) {
      if (q.item().ballot() && q.damaged() != null) {
        damagedRecorded.merge(q.item(), q.damaged(), Integer::sum);
      }
    }
    Map<LogisticsItem, Integer> destroyed = new EnumMap<>(LogisticsItem.class);
    Map<LogisticsItem, Integer> surplus = new EnumMap<>(LogisticsItem.class);
    for (LogisticsItem ballot : ballotsOf(legs.quantities(leg.legId(), leg.regionCode()))) {
      damagedRecorded.putIfAbsent(ballot, 0);
      Integer d = input.wholeNumber(ballot.field("DestroyedDamaged"), ballot.label() + " rusak dimusnahkan", 0, MAX_QUANTITY);
      Integer s = input.wholeNumber(ballot.field("DestroyedSurplus"), ballot.label() + " lebih dimusnahkan", 0, MAX_QUANTITY);
      if (d != null) {
        destroyed.put(ballot, d);
      }
      if (s != null) {
        surplus.put(ballot, s);
      }
    }
    String report = input.text("destructionReport", "Nomor berita acara pemusnahan", 100, true);
    Quantities.destructionMatches(damagedRecorded, destroyed, input::problem);
    input.refuseIfInvalid();
    destroyed.forEach((item, n) -> legs.set(leg.legId(), leg.regionCode(), item, "destroyed", n));
    surplus.forEach((item, n) -> legs.set(leg.legId(), leg.regionCode(), item, "surplus_destroyed", n));
    legs.recordDestruction(leg.legId(), report, now());
  }

  /** A witness of the destruction (Bawaslu or Polri of the region) confirms it. */
  void recordWitness(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    String group = (String) task.getExecution().getVariable(WITNESS_GROUP);
    if (!witnessGroups(task.getExecution()).contains(group)) {
      throw new IllegalStateException("witness task " + task.getId() + " is not for a witness of this leg");
    }
    FormInput input = new FormInput(task::getVariable);
    String name = input.text("witnessName", "Nama dan jabatan saksi", 120, true);
    String notes = input.text("witnessNotes", "Catatan saksi", 2000, false);
    input.refuseIfInvalid();
    legs.insertWitness(leg.legId(), group, name, notes, userId(task), now());
  }

  // ---- return leg

  /** The PPK counts every TPS's ballots: received, used, unused and damaged; differences are findings. */
  void recordTpsReturns(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    List<LogisticsItem> ballots = ballotTypes(regions.find(leg.regionCode()).orElseThrow());
    List<Quantities.TpsCount> counts = new ArrayList<>();
    for (LogisticsItem ballot : ballots) {
      Integer received = input.wholeNumber(ballot.field("Received"), ballot.label() + " diterima TPS", 0, MAX_QUANTITY);
      Integer used = input.wholeNumber(ballot.field("Used"), ballot.label() + " digunakan", 0, MAX_QUANTITY);
      Integer unused = input.wholeNumber(ballot.field("Unused"), ballot.label() + " tidak digunakan", 0, MAX_QUANTITY);
      Integer damaged = input.wholeNumber(ballot.field("Damaged"), ballot.label() + " rusak", 0, MAX_QUANTITY);
      if (received != null && used != null && unused != null && damaged != null) {
        counts.add(new Quantities.TpsCount(Quantities.KECAMATAN_TOTAL, ballot, received, used, unused, damaged));
      }
    }
    java.util.Set<Integer> unreconciled = new java.util.TreeSet<>();
    for (Object value : input.list("unreconciledTps", "TPS yang tidak cocok")) {
      String text = value == null ? "" : value.toString().trim();
      if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > district.tpsCount()) {
        input.problem("TPS yang tidak cocok: " + FormInput.echo(text) + " bukan TPS kecamatan ini (1–" + district.tpsCount()
            + ")");
      } else {
        unreconciled.add(Integer.parseInt(text));
      }
    }
    String differenceNotes = input.text("unreconciledNotes", "Uraian selisih per TPS", 2000, !unreconciled.isEmpty());
    checkAgainstOutbound(leg, district, counts, input);
    input.refuseIfInvalid();
    legs.insertTpsReturns(leg.legId(), district.districtCode(), counts);
    List<Quantities.TpsCount> differing = Quantities.unreconciled(counts);
    for (Quantities.TpsCount count : differing) {
      legs.insertFinding(new LogisticsFinding(newId("selisih-"), leg.legId(), district.districtCode(),
          LogisticsFinding.RECONCILIATION, "SELISIH_REKONSILIASI", Quantities.describe(count), userId(task), now(),
          "OPEN", null));
    }
    for (int tps : unreconciled) {
      legs.insertFinding(new LogisticsFinding(newId("selisih-"), leg.legId(), district.districtCode(),
          LogisticsFinding.RECONCILIATION, "SELISIH_TPS", "TPS " + tps + ": " + differenceNotes, userId(task), now(),
          "OPEN", null));
    }
    legs.stamp(leg.legId(), district.districtCode(), "delivered_at", now());
    task.getExecution().setVariable(DIFFERENCES, differing.size() + unreconciled.size());
  }

  /** What the TPS of a kecamatan say they received cannot exceed what the kecamatan received on the way out. */
  private void checkAgainstOutbound(Leg leg, KecamatanFacts district, List<Quantities.TpsCount> counts, FormInput input) {
    legs.find(leg.electionId(), leg.regionCode(), LegDirection.OUTBOUND).ifPresent(outbound -> {
      Map<LogisticsItem, QuantityRow> out = legs.quantities(outbound.legId(), district.districtCode());
      Map<LogisticsItem, Integer> received = new EnumMap<>(LogisticsItem.class);
      counts.forEach(c -> received.merge(c.item(), c.received(), Integer::sum));
      received.forEach((item, n) -> {
        QuantityRow q = out.get(item);
        if (q != null && q.received() != null && n > q.received()) {
          input.problem(item.label() + ": TPS mencatat " + n + " diterima, kecamatan hanya menerima " + q.received()
              + " pada distribusi ke TPS");
        }
      });
    });
  }

  /**
   * KPU receives the sealed boxes and the result forms (one C.Hasil set per TPS and race) at its
   * warehouse; boxes missing or unsealed and forms missing are findings for Bawaslu.
   */
  void recordWarehouseReturn(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    int expected = district.tpsCount() * ballotTypes(regions.find(leg.regionCode()).orElseThrow()).size();
    FormInput input = new FormInput(task::getVariable);
    Integer received = input.wholeNumber("boxesReceived", "Kotak suara diterima", 0, expected);
    Integer sealed = input.wholeNumber("boxesSealed", "Kotak suara tersegel utuh", 0, MAX_QUANTITY);
    Integer resultForms = input.wholeNumber("resultFormsReceived", "Formulir hasil (C.Hasil) diterima", 0, expected);
    input.text("warehouseNotes", "Catatan penerimaan gudang", 2000, false);
    if (received != null && sealed != null && sealed > received) {
      input.problem("Kotak tersegel (" + sealed + ") melebihi kotak diterima (" + received + ")");
    }
    input.refuseIfInvalid();
    int differences = (Integer) task.getExecution().getVariable(DIFFERENCES);
    if (sealed < expected) {
      legs.insertFinding(new LogisticsFinding(newId("selisih-"), leg.legId(), district.districtCode(),
          LogisticsFinding.RECONCILIATION, "KOTAK_SUARA", "Kotak suara kembali " + received + " dari " + expected
              + ", tersegel utuh " + sealed, userId(task), now(), "OPEN", null));
      differences++;
    }
    if (resultForms < expected) {
      legs.insertFinding(new LogisticsFinding(newId("selisih-"), leg.legId(), district.districtCode(),
          LogisticsFinding.RECONCILIATION, "FORMULIR_HASIL", "Formulir hasil (C.Hasil) kembali " + resultForms + " dari "
              + expected, userId(task), now(), "OPEN", null));
      differences++;
    }
    legs.stamp(leg.legId(), district.districtCode(), "received_at", now());
    task.getExecution().setVariable(DIFFERENCES, differences);
  }

  /** Bawaslu reviews the kecamatan's differences. */
  void recordReconciliationReview(DelegateTask task) {
    Leg leg = openLeg(task.getProcessInstanceId());
    KecamatanFacts district = kecamatanOf(task.getExecution(), leg);
    FormInput input = new FormInput(task::getVariable);
    String decision = input.text("reviewDecision", "Kesimpulan", 20, true);
    if (decision != null && !List.of("DAPAT_DIJELASKAN", "DUGAAN_PELANGGARAN").contains(decision)) {
      input.problem("Kesimpulan harus DAPAT_DIJELASKAN atau DUGAAN_PELANGGARAN");
    }
    String notes = input.text("reviewNotes", "Uraian tinjauan", 2000, true);
    input.refuseIfInvalid();
    for (LogisticsFinding f : legs.openFindings(leg.legId(), district.districtCode(), LogisticsFinding.RECONCILIATION)) {
      legs.respond(f.findingId(), "REVIEWED", decision + ": " + notes, userId(task), now());
    }
  }

  // ---- close, tasks

  void close(DelegateExecution execution) {
    legs.close(openLeg(execution.getProcessInstanceId()).legId(), now());
    openLegs.forget(execution.getProcessInstanceId());
  }

  /** Records which kecamatan a new task serves, for the status (late, escalated). */
  void trackTask(DelegateTask task) {
    // the leg's id and the kecamatan (the sub-process's element variable) are the instance's own,
    // set by the server when the leg started: no read of the leg and the kecamatan per task
    legs.trackTask(task.getId(), (String) task.getExecution().getVariable(LEG_ID),
        (String) task.getExecution().getVariable(DISTRICT_CODE));
  }

  // ---- lookups

  /**
   * The leg of a process instance. Read once per node and kept (bounded): of a leg's row the steps
   * read only what never changes (its id, election, region, who started it) and whether it is open,
   * which turns false only in the leg's own last step ({@link #close}), after which no task of it
   * is left to complete. The status API reads the table, not this.
   */
  Leg legOf(String processInstanceId) {
    Leg known = openLegs.find(processInstanceId);
    if (known != null) {
      return known;
    }
    Leg leg = legs.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("no logistics leg for process instance " + processInstanceId));
    if (leg.open()) {
      openLegs.keep(processInstanceId, leg);
    }
    return leg;
  }

  /** What a kecamatan's steps read of its row and what never changes after the leg started. */
  record KecamatanFacts(String legId, String districtCode, int tpsCount, int voters, boolean remote,
      TransportMode transport) {

    static KecamatanFacts of(DistrictLeg row) {
      return new KecamatanFacts(row.legId(), row.districtCode(), row.tpsCount(), row.voters(), row.remote(),
          row.transport());
    }
  }

  /**
   * The fixed facts of this sub-process's kecamatan (read once per node and kept, as they never
   * change); which must be one of the leg's. What changes (arrival, dispatch, receipt, the support
   * asked for) is read with {@link #districtOf}.
   */
  private KecamatanFacts kecamatanOf(VariableScope scope, Leg leg) {
    return kecamatan.get(leg.legId() + "/" + scope.getVariable(DISTRICT_CODE),
        key -> KecamatanFacts.of(districtOf(scope, leg)));
  }

  private Leg openLeg(String processInstanceId) {
    Leg leg = legOf(processInstanceId);
    if (!leg.open()) {
      FormInput.refuse("Pengiriman " + leg.legId() + " sudah ditutup; konfirmasi tidak diterima lagi");
    }
    return leg;
  }

  /** The kecamatan of this sub-process instance, which must be one of the leg's. */
  private DistrictLeg districtOf(VariableScope scope, Leg leg) {
    String code = (String) scope.getVariable(DISTRICT_CODE);
    return legs.district(leg.legId(), code)
        .orElseThrow(() -> new IllegalStateException("kecamatan " + code + " is not of leg " + leg.legId()));
  }

  private static List<LogisticsItem> ballotsOf(Map<LogisticsItem, QuantityRow> rows) {
    return rows.keySet().stream().filter(LogisticsItem::ballot).toList();
  }

  private String userId(DelegateTask task) {
    Authentication user = identity.getCurrentAuthentication();
    return user != null ? user.getUserId() : task.getAssignee();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String newId(String prefix) {
    return prefix + HexFormat.of().formatHex(randomBytes());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
