package id.siaga;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import id.siaga.archfixture.FixtureApplication;
import id.siaga.archfixture.notification.Sender;
import id.siaga.archfixture.patrol.PatrolProcess;
import id.siaga.archfixture.patrol.PatrolSchedule;
import id.siaga.archfixture.patrol.SendPatrolReminderDelegate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails when it should: run on the fixtures in
 * {@code id.siaga.archfixture}, a small application whose kernel is region, agency and
 * notification and whose features (patrol, meeting) are listed nowhere. Each rule names exactly
 * the fixture that breaks it, and passes once that fixture is left out.
 */
class ArchitectureRulesTest {

  static final String ROOT = "id.siaga.archfixture";
  static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);
  static final ArchitectureRules RULES = new ArchitectureRules(ROOT, Set.of("region", "agency", "notification"));

  @Test
  void aPackageNotInTheKernelIsAFeatureWithoutBeingListed() {
    assertThat(RULES.featureOf(FIXTURES.get(PatrolSchedule.class))).contains("patrol");
    assertThat(RULES.featureOf(FIXTURES.get(Sender.class))).isEmpty();
    assertThat(RULES.featureOf(FIXTURES.get(FixtureApplication.class))).isEmpty();
  }

  @Test
  void aKernelClassUsingAFeatureFails() {
    assertThat(violations(RULES.kernelUsesNoFeature(), FIXTURES)).contains("Sender").contains("PatrolReport");
    assertPassesWithout(RULES.kernelUsesNoFeature(), "Sender");
  }

  @Test
  void aFeatureUsingAnotherFeatureFails() {
    assertThat(violations(RULES.featuresDoNotUseEachOther(), FIXTURES))
        .contains("feature patrol uses feature meeting").contains("PatrolSchedule").doesNotContain("Sender");
    assertPassesWithout(RULES.featuresDoNotUseEachOther(), "PatrolSchedule");
  }

  @Test
  void aCycleBetweenPackagesFails() {
    assertThat(violations(RULES.noCycles(), FIXTURES)).contains("Cycle").contains("Place").contains("Office");
    assertPassesWithout(RULES.noCycles(), "Place");
  }

  @Test
  void aRuleClassImportingCamundaFailsAndAdaptersMay() {
    String violations = violations(RULES.ruleClassesImportNothingFromCamunda(), FIXTURES);
    assertThat(violations).contains("PatrolSchedule").contains("ClockUtil")
        .doesNotContain(SendPatrolReminderDelegate.class.getSimpleName())
        .doesNotContain(PatrolProcess.class.getSimpleName());
    assertThat(ArchitectureRules.isAdapter(FIXTURES.get(PatrolProcess.Clock.class))).as("nested in an adapter").isTrue();
    assertPassesWithout(RULES.ruleClassesImportNothingFromCamunda(), "PatrolSchedule");
  }

  @Test
  void aSecondClassInTheRootPackageFails() {
    ArchRule rule = RULES.rootHoldsOnly("FixtureApplication");
    assertThat(violations(rule, FIXTURES)).contains("StrayInRoot").doesNotContain("FixtureApplication>");
    assertPassesWithout(rule, "StrayInRoot");
  }

  private static String violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }

  private static void assertPassesWithout(ArchRule rule, String fixture) {
    EvaluationResult result = rule.evaluate(FIXTURES.that(not(simpleNameStartingWith(fixture))));
    assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
  }
}
