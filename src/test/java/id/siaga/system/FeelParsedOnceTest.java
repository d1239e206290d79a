package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The product's DMN engine parses each FEEL text once and answers as Camunda's FEEL engine does. */
@SiagaSpringBootTest
class FeelParsedOnceTest {

  @Autowired ProcessEngine engine;

  FeelEngine product() {
    return ((DefaultDmnEngineConfiguration) ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration()).getFeelEngine();
  }

  @Test
  void theEnginesDecisionTablesUseIt() {
    assertThat(product()).isInstanceOf(FeelParsedOnce.Engine.class);
  }

  @Test
  void oneTextKeptAnswersEachInputAsCamundasEngineDoes() {
    FeelEngine product = product();
    FeelEngine camunda = new ScalaFeelEngine(java.util.List.of());
    String[] texts = {"\"SUNGAI\",\"LAUT\"", "not(\"DARAT\")", "-", "[1..5]", ">= 3", "transport"};
    Object[] inputs = {"SUNGAI", "LAUT", "DARAT", 3, 6, null};
    for (String text : texts) {
      for (Object input : inputs) {
        var variables = Variables.createVariables().putValue("cellInput", input).putValue("transport", "LAUT")
            .asVariableContext();
        Object expected;
        try {
          expected = camunda.evaluateSimpleUnaryTests(text, "cellInput", variables);
        } catch (RuntimeException e) {
          expected = e.getClass();
        }
        Object actual;
        try {
          actual = product.evaluateSimpleUnaryTests(text, "cellInput", variables);
        } catch (RuntimeException e) {
          actual = e.getClass();
        }
        assertThat(actual).as("%s for %s", text, input).isEqualTo(expected);
      }
    }
    // an output entry, and a text evaluated a second time with another variable
    assertThat((Object) product.evaluateSimpleExpression("days + 1",
        Variables.createVariables().putValue("days", 4).asVariableContext())).isEqualTo(5L);
    assertThat((Object) product.evaluateSimpleExpression("days + 1",
        Variables.createVariables().putValue("days", 9).asVariableContext())).isEqualTo(10L);
  }

  @Test
  void aTextThatDoesNotParseIsReportedAsCamundaReportsIt() {
    var variables = Variables.createVariables().putValue("cellInput", "x").asVariableContext();
    String broken = "\"SUNGAI\",,";
    Throwable fromCamunda = org.assertj.core.api.Assertions.catchThrowable(
        () -> new ScalaFeelEngine(java.util.List.of()).evaluateSimpleUnaryTests(broken, "cellInput", variables));
    assertThat(fromCamunda).isInstanceOf(FeelException.class);
    assertThatThrownBy(() -> product().evaluateSimpleUnaryTests(broken, "cellInput", variables))
        .isInstanceOf(FeelException.class).hasMessage(fromCamunda.getMessage());
  }
}
