package id.siaga;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN table of {@code bpmn/} parsed by a plain DMN engine for row-by-row tests, remembering which
 * row decided each evaluation (the first matching one), so a test can say that the right row did.
 */
public final class DecisionTableProbe {

  private final AtomicReference<String> matched = new AtomicReference<>();
  private final DmnEngine dmn;
  private final DmnDecision decision;

  /** @param resource the table on the classpath, e.g. {@code /bpmn/dmn/stage-workstreams.dmn} */
  public DecisionTableProbe(String resource, String decisionKey) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the product's FEEL engine (each cell parsed once), so the rows are checked as the product evaluates them
    configuration.feelEngineFactory(id.siaga.system.FeelParsedOnce.engineFactory());
    configuration.customPostDecisionTableEvaluationListeners(List.of(event ->
        matched.set(event.getMatchingRules().isEmpty() ? null : event.getMatchingRules().get(0).getId())));
    dmn = configuration.buildEngine();
    try (InputStream in = DecisionTableProbe.class.getResourceAsStream(resource)) {
      decision = dmn.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DmnEngine dmn() {
    return dmn;
  }

  public DmnDecision decision() {
    return decision;
  }

  /** The id of the row that decided the last evaluation (null when none matched). */
  public AtomicReference<String> matched() {
    return matched;
  }
}
