package id.siaga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * A kernel that knows no feature. The kernel is {@code id.siaga} (the application class) and the
 * packages in {@link #KERNEL}; every other package below {@code id.siaga} is a feature (today
 * {@code meeting}, {@code logistics}, {@code patrol}; later earlywarning, readiness), without being listed here.
 * The rules themselves, and how rule classes are told from adapters: {@link ArchitectureRules};
 * {@code ArchitectureRulesTest} shows each of them failing.
 */
@AnalyzeClasses(packages = "id.siaga", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final Set<String> KERNEL =
      Set.of("region", "agency", "calendar", "notification", "escalation", "digest", "system", "threat");

  static final ArchitectureRules SIAGA = new ArchitectureRules("id.siaga", KERNEL);

  @ArchTest
  static final ArchRule theRootPackageHoldsOnlyTheApplication =
      SIAGA.rootHoldsOnly(SiagaPilkadaApplication.class.getSimpleName());

  @ArchTest
  static final ArchRule theKernelUsesNoFeature = SIAGA.kernelUsesNoFeature();

  @ArchTest
  static final ArchRule featuresDoNotUseEachOther = SIAGA.featuresDoNotUseEachOther();

  @ArchTest
  static final ArchRule noCyclesBetweenPackages = SIAGA.noCycles();

  @ArchTest
  static final ArchRule ruleClassesOfAFeatureImportNothingFromCamunda = SIAGA.ruleClassesImportNothingFromCamunda();

  // ---- layers inside the kernel

  @ArchTest
  static final ArchRule regionsAreTheBottomLayer = noClasses()
      .that().resideInAPackage("id.siaga.region..")
      .should().dependOnClassesThat().resideInAnyPackage("id.siaga.agency..", "id.siaga.calendar..",
          "id.siaga.escalation..", "id.siaga.notification..", "id.siaga.digest..", "id.siaga.system..");

  @ArchTest
  static final ArchRule calendarDoesNotKnowAgencies = noClasses()
      .that().resideInAPackage("id.siaga.calendar..")
      .should().dependOnClassesThat().resideInAnyPackage("id.siaga.agency..");

  @ArchTest
  static final ArchRule notificationDoesNotKnowEscalation = noClasses()
      .that().resideInAPackage("id.siaga.notification..")
      .should().dependOnClassesThat().resideInAnyPackage("id.siaga.escalation..");

  @ArchTest
  static final ArchRule agenciesAndRegionsDoNotSendMail = noClasses()
      .that().resideInAnyPackage("id.siaga.region..", "id.siaga.agency..", "id.siaga.calendar..")
      .should().dependOnClassesThat().resideInAnyPackage("id.siaga.notification..", "id.siaga.escalation..");

  /** The digest reads the kernel below it (agencies, notification, escalation); nothing uses the digest. */
  @ArchTest
  static final ArchRule theDigestIsTheTopOfTheKernel = noClasses()
      .that().resideOutsideOfPackage("id.siaga.digest..")
      .should().dependOnClassesThat().resideInAPackage("id.siaga.digest..");

  @ArchTest
  static final ArchRule nothingInCamundasNamespace = noClasses()
      .should().resideInAPackage("org.camunda..");
}
