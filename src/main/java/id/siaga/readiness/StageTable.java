package id.siaga.readiness;

import id.siaga.system.EngineAdapter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The stage table ({@code stage-workstreams.dmn}) as the engine deployed it: the workstreams of a
 * stage at a level.
 *
 * <p>The table is the one deployed with the asking process (every file of {@code bpmn/} is deployed
 * together), and its answer depends only on that deployed version and the two inputs, so it is kept
 * per version, stage and level: the engine evaluates each combination once (and records that
 * evaluation in its decision history), not once for every region and stage. The national start asks
 * the table about 18 times per region, 9,810 times for the nation; evaluating it each time spent
 * more than half of the start parsing the same FEEL tests (docs/performance.md). A deployment never
 * changes, so nothing kept goes stale, on one node or several; a new deployment brings new process
 * definitions and a new table version, asked afresh.
 */
@EngineAdapter
@Component
class StageTable {

  static final String DECISION_KEY = "stage-workstreams";

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;
  private final Map<String, List<Map<String, Object>>> answers = new ConcurrentHashMap<>();
  /** The table deployed with each process definition that asked ("" for none). */
  private final Map<String, String> tables = new ConcurrentHashMap<>();

  StageTable(DecisionService decisions, RepositoryService repository, ProcessEngineConfigurationImpl engine) {
    this.decisions = decisions;
    this.repository = repository;
    this.engine = engine;
  }

  /**
   * One row per workstream: {@code workstream}, {@code leadDays}, {@code direction}; from the table
   * deployed with the asking process (its deployment is immutable, so the answer can be kept), or the
   * latest table when that deployment has none.
   */
  List<Map<String, Object>> workstreams(String processDefinitionId, String stageCode, String level) {
    String tableId = tables.computeIfAbsent(processDefinitionId, this::tableDeployedWith);
    if (tableId.isEmpty()) {
      tableId = latestTable();
    }
    return answer(tableId, stageCode, level);
  }

  /**
   * As {@link #workstreams(String, String, String)}, from the latest table, for the board: it asks
   * outside any process, for a reader who may not read decision definitions, so it asks as the system.
   */
  List<Map<String, Object>> workstreams(String stageCode, String level) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return answer(latestTable(), stageCode, level);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }

  private List<Map<String, Object>> answer(String tableId, String stageCode, String level) {
    return answers.computeIfAbsent(tableId + "|" + stageCode + "|" + level, key -> decisions.evaluateDecisionById(tableId)
        .variables(Variables.putValue("stageCode", stageCode).putValue("level", level)).evaluate().getResultList()
        .stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList());
  }

  /** The table in the deployment of the process definition, or "" when the deployment has none. */
  private String tableDeployedWith(String processDefinitionId) {
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    DecisionDefinition table = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
        .decisionDefinitionKey(DECISION_KEY).singleResult();
    return table == null ? "" : table.getId();
  }

  private String latestTable() {
    DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
        .latestVersion().singleResult();
    if (table == null) {
      throw new IllegalStateException("the stage table " + DECISION_KEY + " is not deployed");
    }
    return table.getId();
  }
}
