package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The real Tasklist in headless {@link Chromium} (the Maven profile {@code browser} runs the
 * {@code *BrowserTest} classes when chromedriver is installed), for test
 * classes with {@link SiagaSpringBootTest}: register it as
 * {@code @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();}. It starts
 * Chromium before the class's tests and stops it after them, points at the application's port before
 * each test, and keeps a screenshot and the page source of a failed test. Screenshots go to
 * target/browser. Chromium runs with an English user interface ({@code --lang=en-US}): Tasklist
 * answers in Bahasa Indonesia all the same (its config.js offers Indonesian only).
 */
public final class TasklistBrowser
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

  public static final Path SCREENSHOTS = Path.of("target", "browser");
  static final Duration WAIT = Duration.ofSeconds(20);

  private WebDriver driver;
  private WebDriverWait wait;
  private Path profile;
  private String base;
  private boolean loginScreenshotTaken;

  // ------------------------------------------------------------------ Chromium

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("siaga-chromium-");
    driver = Chromium.start(profile, "--window-size=1400,1100", "--lang=en-US");
    wait = new WebDriverWait(driver, WAIT);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The application of this test (one cached Spring context, a random port). */
  @Override
  public void beforeEach(ExtensionContext context) {
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
    base = "http://127.0.0.1:" + port;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent() && driver != null) {
      String name = "FAILED-" + context.getRequiredTestMethod().getName();
      screenshot(name);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
    }
  }

  /** The application's address, {@code http://127.0.0.1:<port>}. */
  public String base() {
    return base;
  }

  public WebDriver driver() {
    return driver;
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  public <V> V until(Function<? super WebDriver, V> condition) {
    return wait.until(condition);
  }

  public WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  public void screenshot(String name) {
    try {
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ Tasklist

  /** Logs out whoever was logged in (fresh cookies and storage) and logs in; the filters load. */
  public void login(String user) {
    driver.get(base + "/camunda/api/engine/engine"); // same origin, no application running
    script("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.manage().deleteAllCookies();
    driver.get(base + "/camunda/app/tasklist/default/");
    WebElement username = visible(By.cssSelector("input[ng-model='username']"));
    // the login page is Indonesian whatever the browser's language
    WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
    WebElement submit = driver.findElement(By.cssSelector("button[type='submit']"));
    wait.until(d -> "Nama pengguna".equals(username.getAttribute("placeholder")));
    assertThat(password.getAttribute("placeholder")).isEqualTo("Kata sandi");
    assertThat(submit.getText().trim()).isEqualTo("Masuk");
    if (!loginScreenshotTaken) {
      screenshot("00-login-indonesian");
      loginScreenshotTaken = true;
    }
    username.sendKeys(user);
    password.sendKeys(SiagaSpringBootTest.DEMO_PASSWORD);
    submit.click();
    visible(By.xpath("//*[contains(@class,'filters')]//*[contains(normalize-space(.),'Tugas instansi saya')]"));
    assertThat(driver.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
  }

  /** Opens a task by its id and waits for its name and its form. */
  public void openTask(String taskId, String taskName) {
    driver.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    visible(By.xpath("//*[contains(@class,'task-details')]//*[normalize-space(text())='" + taskName + "']"));
    visible(By.cssSelector(".fjs-form"));
  }

  /** The entries of the task list (the selected filter) with this task name. */
  public List<WebElement> listed(String taskName) {
    return driver.findElements(By.xpath(
        "//li[contains(@class,'task')][.//*[normalize-space(text())='" + taskName + "']]"));
  }

  public void claimIfNeeded() {
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
  }

  public void complete() {
    click(clickable(By.cssSelector("button[ng-click='complete()']")));
  }

  /**
   * Waits for the server's refusal of a submitted form (the red notification), checks it is the
   * refusal itself and not the engine's listener wrapper, and returns it still shown.
   */
  public WebElement refusal(String text) {
    WebElement error = visible(refusalLocator(text));
    assertThat(error.getText()).contains(text)
        .as("the refusal itself, not the engine's listener wrapper").doesNotContain("ENGINE-03051");
    return error;
  }

  /** Closes a refusal: the notification covers the Complete button. */
  public void dismiss(WebElement refusal, String text) {
    click(refusal.findElement(By.cssSelector("button.close[ng-click='removeNotification(notification)']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(refusalLocator(text)));
  }

  private static By refusalLocator(String text) {
    return By.xpath("//div[contains(@class,'page-notifications')]//div[contains(@class,'alert-danger')]"
        + "[contains(., '" + text + "')]");
  }

  // ------------------------------------------------------------------ form-js

  /** A form-js field label (the required mark is a separate element). */
  public WebElement label(String text) {
    return visible(By.xpath("//div[contains(@class,'fjs-form')]//label[normalize-space(text())='" + text + "']"));
  }

  /** The input of the form-js field with this label. */
  public WebElement field(String labelText) {
    return driver.findElement(By.id(label(labelText).getAttribute("for")));
  }

  /** The checkbox or radio button of a form-js checklist or radio group with this label. */
  public WebElement option(String text) {
    return field(text);
  }

  /** Opens a form-js select (a div, not a native select) and picks an option by its label. */
  public void select(String labelText, String optionLabel) {
    String id = label(labelText).getAttribute("for");
    // focusing its hidden input opens the dropdown list
    script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", driver.findElement(By.id(id)));
    click(clickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + optionLabel + "']")));
    wait.until(ExpectedConditions.textToBe(By.id(id + "-display"), optionLabel));
  }

  /** Types into a searchable form-js select and picks the option with this label from what it finds. */
  public void search(String labelText, String typed, String optionLabel) {
    WebElement input = driver.findElement(By.id(label(labelText).getAttribute("for")));
    script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", input);
    input.sendKeys(typed);
    click(clickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + optionLabel + "']")));
  }

  /**
   * Opens the start form of {@code processName} through "Mulai proses". The dialog slides in
   * (Bootstrap's 0.3 s transform): a click computed while it moves can land beside the item, so the
   * item is chosen only once the dialog stands still.
   */
  public void openStartForm(String processName) {
    click(clickable(By.xpath("//a[@ng-click='open()'][contains(., 'Mulai proses')]")));
    WebElement dialog = visible(By.cssSelector(".modal.in .modal-dialog"));
    Rectangle[] last = {null};
    wait.until(d -> {
      Rectangle now = dialog.getRect();
      boolean still = now.equals(last[0]);
      last[0] = now;
      return still;
    });
    click(clickable(By.xpath("//div[contains(@class,'modal-body')]"
        + "//a[@ng-click='selectProcessDefinition(processDefinition)'][normalize-space(.)='" + processName + "']")));
    visible(By.cssSelector(".modal-body .fjs-form"));
  }

  /** Tasklist's fixed footer covers the bottom of the form: click in the middle of the view. */
  public void click(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /**
   * form-js debounces text input and flushes it on blur: leave the field with TAB, otherwise a
   * quick click on Complete submits the form without the text.
   */
  public void type(WebElement input, String text) {
    script("arguments[0].scrollIntoView({block: 'center'});", input);
    input.clear();
    input.sendKeys(text, Keys.TAB);
  }
}
