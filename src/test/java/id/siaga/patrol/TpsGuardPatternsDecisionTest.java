package id.siaga.patrol;

import id.siaga.DecisionTableProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.UniqueHitPolicyHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/tps-security-plan/tps-guard-patterns.dmn, row by row: the 2024 "a-b-c" pattern of each TPS tier. */
class TpsGuardPatternsDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;
  /** The id of the row that decided the last evaluation. */
  static AtomicReference<String> matched;

  @BeforeAll
  static void parse() {
    DecisionTableProbe table = new DecisionTableProbe("/bpmn/tps-security-plan/tps-guard-patterns.dmn", "tps-guard-patterns");
    dmn = table.dmn();
    decision = table.decision();
    matched = table.matched();
  }


  @ParameterizedTest(name = "{0} → {1}-{2}-{3} ({4})")
  @CsvSource({
      "KURANG_RAWAN, 2, 8, 16, KurangRawan",
      "RAWAN,        2, 2, 4,  Rawan",
      "SANGAT_RAWAN, 2, 1, 2,  SangatRawan"
  })
  void eachTierGetsIts2024Pattern(String tier, int police, int tps, int linmas, String rule) {
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision, Map.of("tier", tier)).getSingleResult();

    assertThat(result.<Integer>getEntry("policePerGroup")).isEqualTo(police);
    assertThat(result.<Integer>getEntry("tpsPerGroup")).isEqualTo(tps);
    assertThat(result.<Integer>getEntry("linmasPerGroup")).isEqualTo(linmas);
    assertThat(matched.get()).as("the row that decided").isEqualTo(rule);
    assertThat(new GuardPattern(result.getEntry("policePerGroup"), result.getEntry("tpsPerGroup"),
        result.getEntry("linmasPerGroup"))).hasToString(police + "-" + tps + "-" + linmas);
  }

  @Test
  void anUnknownOrMissingTierHasNoPattern() {
    assertThat(dmn.evaluateDecisionTable(decision, Map.of("tier", "KHUSUS")).getResultList()).isEmpty();
    assertThat(dmn.evaluateDecisionTable(decision, Map.of("tier", "kurang_rawan")).getResultList())
        .as("the codes are upper case, as the tier data import writes them").isEmpty();
    Map<String, Object> missing = new HashMap<>();
    missing.put("tier", null);
    assertThat(dmn.evaluateDecisionTable(decision, missing).getResultList()).isEmpty();
  }

  @Test
  void theTableIsUniqueWithExactlyTheThreeTiers() {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    assertThat(table.getHitPolicyHandler()).isInstanceOf(UniqueHitPolicyHandler.class);
    assertThat(table.getRules()).extracting(DmnDecisionTableRuleImpl::getId)
        .containsExactly("KurangRawan", "Rawan", "SangatRawan");
    assertThat(table.getOutputs()).extracting(o -> o.getOutputName())
        .containsExactly("policePerGroup", "tpsPerGroup", "linmasPerGroup");
  }

  @Test
  void aPatternGuardsAtLeastOneTpsWithNoNegativePersonnel() {
    assertThatThrownBy(() -> new GuardPattern(2, 0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one TPS");
    assertThatThrownBy(() -> new GuardPattern(-2, 1, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
