package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every diagram under {@code bpmn/} opens cleanly in bpmn-js, the renderer of Camunda Modeler and
 * Cockpit (fetched from npm by the {@code browser} profile): no import warning, and every element
 * of the model drawn. Runs in headless Chromium, without the application.
 */
class DiagramsRenderBrowserTest {

  static final Path VIEWER = Path.of("target/bpmn-js/bpmn-navigated-viewer.production.min.js");
  static ChromeDriver driver;
  static Path page;

  @BeforeAll
  static void openViewer() throws IOException {
    assertThat(VIEWER).as("bpmn-js, fetched by the browser profile (npm pack)").exists();
    Path dir = Files.createDirectories(Path.of("target/diagram-check"));
    page = dir.resolve("viewer.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
        + "<div id=\"canvas\" style=\"width:1600px;height:900px\"></div><script src=\""
        + VIEWER.toAbsolutePath().toUri() + "\"></script></body></html>", StandardCharsets.UTF_8);
    driver = Chromium.start(Files.createTempDirectory("diagram-check"), "--allow-file-access-from-files");
    driver.get(page.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> ((JavascriptExecutor) d).executeScript("return typeof BpmnJS !== 'undefined'"));
  }

  @AfterAll
  static void closeViewer() {
    if (driver != null) {
      driver.quit();
    }
  }

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  @SuppressWarnings("unchecked")
  void opensWithoutWarningsAndDrawsEveryElement(Path diagram) throws IOException {
    String xml = Files.readString(diagram, StandardCharsets.UTF_8);
    Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const viewer = new BpmnJS({ container: '#canvas' });
        viewer.importXML(arguments[0]).then(r => {
          const drawn = viewer.get('elementRegistry').getAll().map(e => e.businessObject && e.businessObject.id);
          done({ warnings: r.warnings.map(w => w.message), drawn: drawn });
          viewer.destroy();
        }).catch(e => done({ error: String(e) }));
        """, xml);
    assertThat(result.get("error")).as("import error").isNull();
    assertThat((List<String>) result.get("warnings")).as("import warnings of %s", diagram).isEmpty();
    List<String> ids = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(diagram.toFile())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class).stream()
        .map(e -> e.getId()).toList();
    assertThat((List<String>) result.get("drawn")).as("drawn elements of %s", diagram).containsAll(ids);
  }
}
