package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/dmn/stage-workstreams.dmn, row by row: which workstreams each stage of the calendar needs at
 * the regency/city and at the province level, how many days before the stage starts each begins,
 * and which way the logistics go.
 */
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

  /** "workstream:leadDays[:direction]" for each result, in row order. */
  static List<String> answer(String stage, String level) {
    Map<String, Object> input = new HashMap<>();
    input.put("stageCode", stage);
    input.put("level", level);
    return dmn.evaluateDecisionTable(decision, input).getResultList().stream().map(StageWorkstreamsDecisionTest::text)
        .toList();
  }

  static String text(Map<String, Object> row) {
    Object direction = row.get("direction");
    return row.get("workstream") + ":" + row.get("leadDays") + (direction == null ? "" : ":" + direction);
  }

  @ParameterizedTest(name = "{0}, regency/city → {1}")
  @CsvSource(delimiter = ';', value = {
      "pembentukan-badan-adhoc;   coordination-meeting:7",
      "pemutakhiran-data-pemilih; coordination-meeting:7",
      "pendaftaran-paslon;        coordination-meeting:7 patrol-assignment:3",
      "penetapan-paslon;          coordination-meeting:7 patrol-assignment:3",
      "kampanye;                  coordination-meeting:7 patrol-assignment:3 early-warning-report:0",
      "masa-tenang;               coordination-meeting:7 patrol-assignment:3 early-warning-report:0",
      "pemungutan-suara;          coordination-meeting:7 patrol-assignment:3 logistics-distribution:16:OUTBOUND tps-security-plan:10 early-warning-report:0",
      "penghitungan-rekapitulasi; patrol-assignment:3 logistics-distribution:0:RETURN early-warning-report:0",
      "perselisihan-hasil;        patrol-assignment:3 early-warning-report:0"
  })
  void eachStageOfARegencyOrCityGetsItsWorkstreams(String stage, String expected) {
    assertThat(answer(stage, "REGENCY")).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "{0}, province → {1}")
  @CsvSource(delimiter = ';', value = {
      "pendaftaran-paslon;        coordination-meeting:7",
      "kampanye;                  coordination-meeting:7 early-warning-report:0",
      "pemungutan-suara;          coordination-meeting:7 early-warning-report:0",
      "penghitungan-rekapitulasi; early-warning-report:0"
  })
  void aProvinceRaceCoordinatesButPatrolsAndLogisticsAreTheRegenciesWork(String stage, String expected) {
    assertThat(answer(stage, "PROVINCE")).containsExactly(expected.split(" "));
  }

  @Test
  void theOutboundLegStartsTwoWeeksAndTwoDaysBeforeVotingSoThatTheAllocationDueAtH14HasTwoDays() {
    assertThat(answer("pemungutan-suara", "REGENCY")).contains("logistics-distribution:16:OUTBOUND");
    assertThat(answer("kampanye", "REGENCY")).noneMatch(w -> w.startsWith("logistics-distribution"));
    assertThat(answer("masa-tenang", "REGENCY")).noneMatch(w -> w.startsWith("logistics-distribution"));
  }

  @Test
  void anUnknownStageNeedsNothing() {
    assertThat(answer("pilpres", "REGENCY")).isEmpty();
    assertThat(answer("pilpres", null)).isEmpty();
  }
}
