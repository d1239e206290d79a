package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/dmn/stage-workstreams.dmn, row by row: which workstreams each stage of the calendar needs. */
class StageWorkstreamsDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = StageWorkstreamsDecisionTest.class.getResourceAsStream("/bpmn/dmn/stage-workstreams.dmn")) {
      decision = dmn.parseDecision("stage-workstreams", in);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "pembentukan-badan-adhoc;   coordination-meeting",
      "pemutakhiran-data-pemilih; coordination-meeting",
      "pendaftaran-paslon;        coordination-meeting,patrol-assignment",
      "penetapan-paslon;          coordination-meeting,patrol-assignment",
      "kampanye;                  coordination-meeting,patrol-assignment,logistics-distribution,early-warning-report",
      "masa-tenang;               coordination-meeting,patrol-assignment,early-warning-report",
      "pemungutan-suara;          patrol-assignment,early-warning-report",
      "penghitungan-rekapitulasi; patrol-assignment,logistics-distribution,early-warning-report",
      "perselisihan-hasil;        patrol-assignment,early-warning-report"
  })
  void eachStageGetsItsWorkstreams(String stage, String expected) {
    List<Object> workstreams = dmn.evaluateDecisionTable(decision, Map.of("stageCode", stage))
        .collectEntries("workstream");

    assertThat(workstreams).containsExactlyInAnyOrder((Object[]) expected.split(","));
  }

  @Test
  void anUnknownStageNeedsNothing() {
    assertThat(dmn.evaluateDecisionTable(decision, Map.of("stageCode", "pilpres")).getResultList()).isEmpty();
  }
}
