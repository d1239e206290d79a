package id.siaga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel/feature rules over one root package. The kernel is the root package (the application
 * class only) and the packages listed; every other package below the root is a feature, found from
 * the imported classes, so that a new package is a feature without editing any list.
 *
 * <ul>
 *   <li>no kernel class uses a feature class; no feature uses another feature;
 *   <li>no cycles between the packages below the root;
 *   <li>a feature's rule classes import nothing from {@code org.camunda}. A feature class is a rule
 *       class unless it is an adapter: a delegate or listener (implements Camunda's
 *       {@code JavaDelegate}, {@code TaskListener} or {@code ExecutionListener}), a
 *       {@code @Configuration}, a controller, a {@code @Repository}, or marked
 *       {@link id.siaga.system.EngineAdapter}; a class nested in an adapter is one too.
 * </ul>
 *
 * Parameterised by root so that {@code ArchitectureRulesTest} can show every rule failing on
 * fixtures of its own.
 */
record ArchitectureRules(String root, Set<String> kernel) {

  static final List<String> ADAPTER_ANNOTATIONS = List.of("id.siaga.system.EngineAdapter",
      "org.springframework.context.annotation.Configuration", "org.springframework.stereotype.Controller",
      "org.springframework.stereotype.Repository");
  static final List<String> ADAPTER_TYPES = List.of("org.camunda.bpm.engine.delegate.JavaDelegate",
      "org.camunda.bpm.engine.delegate.TaskListener", "org.camunda.bpm.engine.delegate.ExecutionListener");

  /** The package right below the root a class lies in; empty for the root itself; absent outside the root. */
  Optional<String> topPackage(JavaClass type) {
    String name = type.getPackageName();
    if (name.equals(root)) {
      return Optional.of("");
    }
    if (!name.startsWith(root + ".")) {
      return Optional.empty();
    }
    String below = name.substring(root.length() + 1);
    int dot = below.indexOf('.');
    return Optional.of(dot < 0 ? below : below.substring(0, dot));
  }

  /** The feature a class belongs to, if it belongs to one. */
  Optional<String> featureOf(JavaClass type) {
    return topPackage(type).filter(top -> !top.isEmpty() && !kernel.contains(top));
  }

  DescribedPredicate<JavaClass> inTheKernel() {
    return DescribedPredicate.describe("are in the kernel (" + root + ", " + root + "." + kernel + ")",
        type -> topPackage(type).filter(top -> top.isEmpty() || kernel.contains(top)).isPresent());
  }

  DescribedPredicate<JavaClass> inAFeature() {
    return DescribedPredicate.describe("are in a feature (any other package below " + root + ")",
        type -> featureOf(type).isPresent());
  }

  DescribedPredicate<JavaClass> ruleClasses() {
    return DescribedPredicate.describe("are rule classes of a feature (not delegates, listeners, configuration,"
        + " controllers, repositories or @EngineAdapter)", type -> featureOf(type).isPresent() && !isAdapter(type));
  }

  static boolean isAdapter(JavaClass type) {
    for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
      JavaClass candidate = current;
      if (ADAPTER_ANNOTATIONS.stream().anyMatch(candidate::isMetaAnnotatedWith)
          || ADAPTER_TYPES.stream().anyMatch(candidate::isAssignableTo)) {
        return true;
      }
    }
    return false;
  }

  /** The root package holds the application class and nothing else (but its package-info). */
  ArchRule rootHoldsOnly(String applicationClass) {
    return classes().that().resideInAPackage(root).and().doNotHaveSimpleName("package-info")
        .should().haveSimpleName(applicationClass)
        .because("the root package starts the application; everything else belongs to a kernel package or a feature");
  }

  ArchRule kernelUsesNoFeature() {
    return noClasses().that(inTheKernel()).should().dependOnClassesThat(inAFeature())
        .because("the kernel serves every feature and knows none: a new feature never edits the kernel");
  }

  ArchRule featuresDoNotUseEachOther() {
    return classes().that(inAFeature()).should(useNoOtherFeature())
        .because("features meet in BPMN (call activities) and through the kernel, not in Java");
  }

  ArchRule noCycles() {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  ArchRule ruleClassesImportNothingFromCamunda() {
    return noClasses().that(ruleClasses()).should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("a feature's rules are plain classes a unit test reaches without an engine; the adapters"
            + " unpack executions and tasks and pass domain values");
  }

  private ArchCondition<JavaClass> useNoOtherFeature() {
    return new ArchCondition<>("use no other feature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String own = featureOf(type).orElseThrow();
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
          featureOf(dependency.getTargetClass()).filter(other -> !other.equals(own)).ifPresent(other ->
              events.add(SimpleConditionEvent.violated(dependency, "feature " + own + " uses feature " + other + ": "
                  + dependency.getDescription())));
        }
      }
    };
  }
}
