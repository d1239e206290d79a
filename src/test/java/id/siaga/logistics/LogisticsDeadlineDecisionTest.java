package id.siaga.logistics;

import id.siaga.DecisionTableProbe;
import java.util.concurrent.atomic.AtomicReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/logistics-distribution/logistics-deadline.dmn, row by row, including which row wins. */
class LogisticsDeadlineDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;
  /** The id of the row that decided the last evaluation. */
  static AtomicReference<String> matched;

  @BeforeAll
  static void parse() {
    DecisionTableProbe table = new DecisionTableProbe("/bpmn/logistics-distribution/logistics-deadline.dmn", "logistics-deadline");
    dmn = table.dmn();
    decision = table.decision();
    matched = table.matched();
  }


  @ParameterizedTest(name = "{0}, 3T {1}, {2} → H-{3} ({4})")
  @CsvSource({
      // row 1: sea or air, whatever else
      "LAUT,   false, rendah, 10, SeaOrAirRoute",
      "UDARA,  true,  tinggi, 10, SeaOrAirRoute",
      // row 2: river
      "SUNGAI, false, rendah, 7,  RiverRoute",
      "SUNGAI, true,  tinggi, 7,  RiverRoute",
      // row 3: remote by land
      "DARAT,  true,  rendah, 6,  RemoteByLand",
      "DARAT,  true,  tinggi, 6,  RemoteByLand",
      // row 4: highly vulnerable, by land, not remote
      "DARAT,  false, tinggi, 5,  HighlyVulnerable",
      // row 5: the default
      "DARAT,  false, sedang, 4,  DefaultRoute",
      "DARAT,  false, rendah, 4,  DefaultRoute"
  })
  void eachRouteGetsItsDeadline(String transport, boolean remote, String band, int days, String rule) {
    Map<String, Object> inputs = new HashMap<>(Map.of("transport", transport, "remote", remote, "vulnerability", band));

    var result = dmn.evaluateDecisionTable(decision, inputs);

    assertThat(result.getSingleResult().<Integer>getSingleEntry()).isEqualTo(days);
    assertThat(matched.get()).as("the row that decided").isEqualTo(rule);
  }

  @Test
  void aRegionWithoutABandGetsTheDefaultOrItsRoutesDeadline() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("transport", "DARAT");
    inputs.put("remote", false);
    inputs.put("vulnerability", null);
    assertThat(dmn.evaluateDecisionTable(decision, inputs).getSingleResult().<Integer>getSingleEntry()).isEqualTo(4);
    assertThat(matched.get()).isEqualTo("DefaultRoute");

    inputs.put("transport", "SUNGAI");
    assertThat(dmn.evaluateDecisionTable(decision, inputs).getSingleResult().<Integer>getSingleEntry()).isEqualTo(7);
  }

  @Test
  void theTableHasExactlyTheFiveRowsTestedAbove() {
    assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
        .extracting(org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl::getId)
        .containsExactly("SeaOrAirRoute", "RiverRoute", "RemoteByLand", "HighlyVulnerable", "DefaultRoute");
  }

}
