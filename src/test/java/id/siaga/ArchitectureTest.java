package id.siaga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: features → shared packages; shared packages never use features. */
@AnalyzeClasses(packages = "id.siaga", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String[] FEATURES = {
      "id.siaga.meeting..", "id.siaga.logistics..", "id.siaga.patrol..", "id.siaga.earlywarning..",
      "id.siaga.readiness.."};

  @ArchTest
  static final ArchRule sharedPackagesDoNotUseFeatures = noClasses()
      .that().resideInAnyPackage("id.siaga.region..", "id.siaga.agency..", "id.siaga.calendar..",
          "id.siaga.escalation..", "id.siaga.notification..", "id.siaga.system..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule regionsAreTheBottomLayer = noClasses()
      .that().resideInAPackage("id.siaga.region..")
      .should().dependOnClassesThat().resideInAnyPackage("id.siaga.agency..", "id.siaga.calendar..",
          "id.siaga.escalation..", "id.siaga.notification..", "id.siaga.system..");

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

  /** Process features meet in BPMN (call activities), not in Java; readiness may read them. */
  @ArchTest
  static final ArchRule processFeaturesDoNotUseEachOther = slices()
      .matching("id.siaga.(meeting|logistics|patrol|earlywarning)..")
      .should().notDependOnEachOther()
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule nothingInCamundasNamespace = noClasses()
      .should().resideInAPackage("org.camunda..");
}
