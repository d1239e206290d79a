package id.siaga.readiness;

import id.siaga.system.EngineAdapter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The stage table ({@code stage-workstreams.dmn}) as the engine deployed it: the workstreams of a stage at a level. */
@EngineAdapter
@Component
class StageTable {

  private final DecisionService decisions;

  StageTable(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** One row per workstream: {@code workstream}, {@code leadDays}, {@code direction}. */
  List<Map<String, Object>> workstreams(String stageCode, String level) {
    return decisions.evaluateDecisionByKey("stage-workstreams")
        .variables(Variables.putValue("stageCode", stageCode).putValue("level", level)).evaluate().getResultList();
  }
}
