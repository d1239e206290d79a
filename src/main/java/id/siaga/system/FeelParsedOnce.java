package id.siaga.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The DMN tables' FEEL cells are parsed once, not at every evaluation.
 *
 * <p>Camunda's FEEL engine ({@link ScalaFeelEngine}) hands each cell's text to feel-scala's
 * {@code evalUnaryTests(text, context)}, which parses the text every time: in the logistics
 * benchmark, parsing the deadline table's four cells per kecamatan was half of the table's
 * evaluation (docs/performance.md). feel-scala parses into an immutable syntax tree and evaluates a
 * tree given to it ({@code parseUnaryTests}, {@code eval}); this engine keeps the tree of each
 * text and evaluates it with the same context Camunda builds. A text that does not parse is not
 * kept and goes to Camunda's engine, which reports it as before. The tables, their FEEL and their
 * answers are unchanged: the row-by-row tests of every table run through this engine.
 */
@Component
public class FeelParsedOnce extends AbstractProcessEnginePlugin {

  /** The FEEL engine factory the product's DMN engine uses; the tables' row-by-row tests use it too. */
  public static FeelEngineFactory engineFactory() {
    return new Factory(List.of());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy (JUEL-based) FEEL engine parses once already
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() != null) {
      return; // somebody chose a FEEL engine on purpose
    }
    List<FeelCustomFunctionProvider> functions = configuration.getDmnFeelCustomFunctionProviders();
    dmn.setFeelEngineFactory(new Factory(functions == null ? List.of() : functions));
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Makes {@link Engine}s, with the function providers Camunda's factory would have been given. */
  record Factory(List<FeelCustomFunctionProvider> functions) implements FeelEngineFactory {
    @Override
    public FeelEngine createInstance() {
      return new Engine(functions);
    }
  }

  /** Camunda's FEEL engine, with each text parsed once. */
  static final class Engine extends ScalaFeelEngine {

    /** Texts come from deployed tables, so they are few; a bound anyway. */
    static final int MAX_KEPT = 10_000;

    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

    Engine(List<FeelCustomFunctionProvider> functions) {
      super(functions);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
      if (parsed == null) {
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
      }
      VariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
      VariableProvider variables = new ContextVariableWrapper(variableContext);
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new CompositeVariableProvider(toScalaList(input, variables));
        }
      };
      return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
      if (parsed == null) {
        return super.evaluateSimpleExpression(expression, variableContext);
      }
      VariableProvider variables = new ContextVariableWrapper(variableContext);
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return variables;
        }
      };
      return (T) valueOf(feelEngine.eval(parsed, context));
    }

    /** The tree of a text, parsed the first time; null if the text does not parse. */
    private static ParsedExpression parsed(Map<String, ParsedExpression> kept, String text,
        Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
      ParsedExpression known = kept.get(text);
      if (known != null) {
        return known;
      }
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> result = parse.apply(text);
      if (!(result instanceof Right<?, ?> right)) {
        return null;
      }
      ParsedExpression tree = (ParsedExpression) right.value();
      if (kept.size() < MAX_KEPT) {
        kept.put(text, tree);
      }
      return tree;
    }

    private static Object valueOf(Either<org.camunda.feel.FeelEngine.Failure, Object> result) {
      if (result instanceof Right<?, ?> right) {
        return right.value();
      }
      org.camunda.feel.FeelEngine.Failure failure = (org.camunda.feel.FeelEngine.Failure) ((Left<?, ?>) result).value();
      throw LOGGER.evaluationException(failure.message());
    }
  }
}
