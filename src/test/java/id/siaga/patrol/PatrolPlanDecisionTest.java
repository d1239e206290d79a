package id.siaga.patrol;

import id.siaga.DecisionTableProbe;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.FirstHitPolicyHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/patrol-assignment/patrol-plan.dmn, row by row, including which row wins when several match. */
class PatrolPlanDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;
  /** The id of the row that decided the last evaluation. */
  static AtomicReference<String> matched;

  @BeforeAll
  static void parse() {
    DecisionTableProbe table = new DecisionTableProbe("/bpmn/patrol-assignment/patrol-plan.dmn", "patrol-plan");
    dmn = table.dmn();
    decision = table.decision();
    matched = table.matched();
  }


  static DmnDecisionRuleResult plan(String stage, String band, Boolean remote) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("stageCode", stage);
    inputs.put("vulnerability", band);
    inputs.put("remote", remote);
    return dmn.evaluateDecisionTable(decision, inputs).getSingleResult();
  }

  @ParameterizedTest(name = "{0}, {1}, 3T {2} → {3}/day, joint {4}, every {5} h, {6} personnel ({7})")
  @CsvSource({
      // row 1: voting and tabulation, high band; remote or not
      "pemungutan-suara,          tinggi, true,  4, true,  6,  6, VotingHighBand",
      "penghitungan-rekapitulasi, tinggi, false, 4, true,  6,  6, VotingHighBand",
      // row 2: voting and tabulation, any other band: joint, 6-hour reports
      "pemungutan-suara,          sedang, false, 3, true,  6,  4, VotingPeriod",
      "penghitungan-rekapitulasi, rendah, true,  3, true,  6,  4, VotingPeriod",
      // rows 3-4: the quiet period (masa tenang): as many joint patrols, reports every 12 hours (the example)
      "masa-tenang,               tinggi, false, 4, true,  12, 6, QuietPeriodHighBand",
      "masa-tenang,               tinggi, true,  4, true,  12, 6, QuietPeriodHighBand",
      "masa-tenang,               rendah, false, 3, true,  12, 4, QuietPeriod",
      "masa-tenang,               sedang, true,  3, true,  12, 4, QuietPeriod",
      // rows 3-6: the campaign
      "kampanye,                  tinggi, true,  3, true,  12, 6, CampaignHighBand",
      "kampanye,                  tinggi, false, 3, true,  12, 6, CampaignHighBand",
      "kampanye,                  sedang, true,  2, true,  12, 4, CampaignMediumBand",
      "kampanye,                  sedang, false, 2, true,  12, 4, CampaignMediumBand",
      "kampanye,                  rendah, true,  2, true,  12, 4, CampaignRemote",
      "kampanye,                  rendah, false, 2, false, 12, 4, CampaignLowBand",
      // row 7: the other patrol stages, high band (remote or not)
      "pendaftaran-paslon,        tinggi, false, 2, true,  12, 4, HighBand",
      "penetapan-paslon,          tinggi, true,  2, true,  12, 4, HighBand",
      "perselisihan-hasil,        tinggi, false, 2, true,  12, 4, HighBand",
      // row 8: the other patrol stages, remote: joint with TNI because of the distance
      "pendaftaran-paslon,        rendah, true,  1, true,  12, 4, RemoteKecamatan",
      "perselisihan-hasil,        sedang, true,  1, true,  12, 4, RemoteKecamatan",
      // row 9: the default
      "pendaftaran-paslon,        rendah, false, 1, false, 12, 2, DefaultPlan",
      "penetapan-paslon,          sedang, false, 1, false, 12, 2, DefaultPlan",
      "perselisihan-hasil,        rendah, false, 1, false, 12, 2, DefaultPlan"
  })
  void eachStageBandAndRemotenessGetsItsPlan(String stage, String band, boolean remote, int patrolsPerDay,
      boolean joint, int reportHours, int personnel, String rule) {
    DmnDecisionRuleResult result = plan(stage, band, remote);

    assertThat(result.<Integer>getEntry("patrolsPerDay")).isEqualTo(patrolsPerDay);
    assertThat(result.<Boolean>getEntry("jointWithTni")).isEqualTo(joint);
    assertThat(result.<Integer>getEntry("reportIntervalHours")).isEqualTo(reportHours);
    assertThat(result.<Integer>getEntry("personnelPerPatrol")).isEqualTo(personnel);
    assertThat(matched.get()).as("the row that decided").isEqualTo(rule);
  }

  @Test
  void everyPatrolStageOfTheCalendarGetsAPlanForEveryBand() {
    // the stages stage-workstreams.dmn gives to patrol-assignment
    for (String stage : List.of("pendaftaran-paslon", "penetapan-paslon", "kampanye", "masa-tenang",
        "pemungutan-suara", "penghitungan-rekapitulasi", "perselisihan-hasil")) {
      for (String band : List.of("rendah", "sedang", "tinggi")) {
        for (boolean remote : List.of(false, true)) {
          DmnDecisionRuleResult result = plan(stage, band, remote);
          assertThat(result.<Integer>getEntry("patrolsPerDay")).as(stage + " " + band).isPositive();
          assertThat(result.<Integer>getEntry("personnelPerPatrol")).as(stage + " " + band).isGreaterThanOrEqualTo(2);
          assertThat(result.<Integer>getEntry("reportIntervalHours")).isIn(6, 12);
          if (remote) {
            assertThat(result.<Boolean>getEntry("jointWithTni")).as("remote → joint, " + stage + " " + band).isTrue();
          }
        }
      }
    }
  }

  @Test
  void aKecamatanWithoutABandGetsTheBandFreeRowOfItsStage() {
    plan("masa-tenang", null, false);
    assertThat(matched.get()).isEqualTo("QuietPeriod");
    plan("pemungutan-suara", null, false);
    assertThat(matched.get()).isEqualTo("VotingPeriod");
    plan("kampanye", null, true);
    assertThat(matched.get()).isEqualTo("CampaignRemote");
    plan("kampanye", null, false);
    assertThat(matched.get()).isEqualTo("CampaignLowBand");
    plan("penetapan-paslon", null, null);
    assertThat(matched.get()).isEqualTo("DefaultPlan");
  }

  @Test
  void aStageOutsideThePatrolStagesFallsToTheDefault() {
    // stage-workstreams.dmn starts no patrols then; the table still answers rather than fail
    assertThat(plan("pemutakhiran-data-pemilih", "tinggi", false).<Integer>getEntry("patrolsPerDay")).isEqualTo(2);
    assertThat(matched.get()).isEqualTo("HighBand");
    plan("pembentukan-badan-adhoc", "rendah", false);
    assertThat(matched.get()).isEqualTo("DefaultPlan");
  }

  @Test
  void theTableIsFirstHitWithExactlyTheElevenRowsTestedAbove() {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    assertThat(table.getHitPolicyHandler()).isInstanceOf(FirstHitPolicyHandler.class);
    assertThat(table.getRules()).extracting(DmnDecisionTableRuleImpl::getId)
        .containsExactly("VotingHighBand", "VotingPeriod", "QuietPeriodHighBand", "QuietPeriod", "CampaignHighBand", "CampaignMediumBand",
            "CampaignRemote", "CampaignLowBand", "HighBand", "RemoteKecamatan", "DefaultPlan");
    assertThat(table.getInputs()).extracting(i -> i.getInputVariable())
        .containsExactly("stageCode", "vulnerability", "remote");
    assertThat(table.getOutputs()).extracting(o -> o.getOutputName())
        .containsExactly("patrolsPerDay", "jointWithTni", "reportIntervalHours", "personnelPerPatrol");
  }
}
