package id.siaga.patrol;

import id.siaga.region.Vulnerability;
import id.siaga.system.EngineAdapter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The decision tables of the security feature as the engine deployed them: the plan of a
 * kecamatan ({@code patrol-plan.dmn}), the guard pattern of each TPS tier
 * ({@code tps-guard-patterns.dmn}) and which stages have patrols ({@code stage-workstreams.dmn}).
 * Evaluated through the engine's decision service, so an edited table deployed is the table used.
 */
@EngineAdapter
@Component
class SecurityTables {

  static final String PATROL_PLAN = "patrol-plan";
  static final String GUARD_PATTERNS = "tps-guard-patterns";
  static final String STAGE_WORKSTREAMS = "stage-workstreams";

  /** The TPS tiers as the guard-pattern table names them. */
  enum Tier { KURANG_RAWAN, RAWAN, SANGAT_RAWAN }

  /** The plan the table gave, and which version of the table gave it ("patrol-plan v1"). */
  record Planned(PlanRow row, String tableVersion) {}

  private final DecisionService decisions;
  private final RepositoryService repository;

  SecurityTables(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** Whether {@code stage-workstreams} gives the stage to {@code patrol-assignment}. */
  boolean hasPatrols(String stageCode) {
    return decisions.evaluateDecisionByKey(STAGE_WORKSTREAMS).variables(Variables.putValue("stageCode", stageCode)
        .putValue("level", "REGENCY")).evaluate().collectEntries("workstream").contains(PatrolVariables.PATROL_PROCESS);
  }

  /** The patrol plan of every kecamatan asked with the same table version. */
  PlanTable patrolPlans() {
    DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(PATROL_PLAN)
        .latestVersion().singleResult();
    return (stageCode, band, remote) -> {
      DmnDecisionResult result = decisions.evaluateDecisionById(table.getId()).variables(Variables
          .putValue("stageCode", stageCode).putValue("vulnerability", band == null ? null : band.name())
          .putValue("remote", remote)).evaluate();
      Map<String, Object> row = result.getSingleResult().getEntryMap();
      return new Planned(new PlanRow(number(row, "patrolsPerDay"), Boolean.TRUE.equals(row.get("jointWithTni")),
          number(row, "reportIntervalHours"), number(row, "personnelPerPatrol")),
          PATROL_PLAN + " v" + table.getVersion());
    };
  }

  interface PlanTable {
    Planned plan(String stageCode, Vulnerability band, boolean remote);
  }

  /** The a-b-c pattern of each tier. */
  Map<Tier, GuardPattern> guardPatterns() {
    Map<Tier, GuardPattern> patterns = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      Map<String, Object> row = decisions.evaluateDecisionByKey(GUARD_PATTERNS)
          .variables(Variables.putValue("tier", tier.name())).evaluate().getSingleResult().getEntryMap();
      patterns.put(tier, new GuardPattern(number(row, "policePerGroup"), number(row, "tpsPerGroup"),
          number(row, "linmasPerGroup")));
    }
    return patterns;
  }

  static String patternsText(Map<Tier, GuardPattern> patterns) {
    return String.join(" / ", List.of("kurang rawan " + patterns.get(Tier.KURANG_RAWAN),
        "rawan " + patterns.get(Tier.RAWAN), "sangat rawan " + patterns.get(Tier.SANGAT_RAWAN)));
  }

  private static int number(Map<String, Object> row, String name) {
    Object value = row.get(name);
    if (!(value instanceof Number n)) {
      throw new IllegalStateException("Decision output " + name + " is not a number: " + value);
    }
    return n.intValue();
  }
}
