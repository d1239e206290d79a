package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.PALOPO;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordination meeting's Camunda Forms in the real Tasklist, in headless Chromium (Debian's chromium and
 * chromium-driver; the Maven profile {@code browser} runs this class when chromedriver is
 * installed). The real clock runs: the meeting lies in the future, inside the campaign stage of the
 * election each test creates. Screenshots of every step (and of a failure) go to target/browser.
 * Chromium runs with an English user interface ({@code --lang=en-US}): Tasklist answers in Bahasa
 * Indonesia all the same (its config.js offers Indonesian only).
 */
@SiagaSpringBootTest
class CoordinationMeetingTasklistBrowserTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final Path SCREENSHOTS = Path.of("target", "browser");
  static final Duration WAIT = Duration.ofSeconds(20);

  static WebDriver driver;
  static Path profile;
  static boolean loginScreenshotTaken;

  @RegisterExtension
  static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> {
    if (context.getExecutionException().isPresent() && driver != null) {
      screenshot("FAILED-" + context.getRequiredTestMethod().getName());
      Files.writeString(SCREENSHOTS.resolve("FAILED-" + context.getRequiredTestMethod().getName() + ".html"),
          driver.getPageSource());
    }
  };

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired MeetingRepository meetings;
  @Autowired Elections elections;

  String electionId;
  WebDriverWait wait;

  @BeforeAll
  static void startChromium() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("siaga-chromium-");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,1100", "--lang=en-US");
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @BeforeEach
  void setUp() {
    // voting day 20 January 2027: the campaign stage runs until 16 January 2027
    electionId = elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
    wait = new WebDriverWait(driver, WAIT);
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  // ------------------------------------------------------------------ tests

  @Test
  void policeReportReadinessInTasklistAndTheCoordinatorSeesTheSummary() {
    ProcessInstance pi = schedule("2026-12-20T09:37", List.of("POLRI", "KPU"));
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    Task report = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("SubmitReadinessReportTask").taskCandidateGroup("polri7373").singleResult();

    login("polrespalopo");
    openTask(report.getId(), "Laporan kesiapan");
    claimIfNeeded();
    WebElement personnel = field("Jumlah personel yang dikerahkan");
    assertThat(label("Status kesiapan").isDisplayed()).isTrue();
    assertThat(label("Kerawanan yang dilihat instansi Anda").isDisplayed()).isTrue();
    screenshot("01-readiness-report-form");

    // a bad report: not ready, without notes; the server refuses it and the task stays open
    type(personnel, "25");
    click(option("Politik uang"));
    click(option("Hoaks dan disinformasi"));
    type(field("Kebutuhan dan kendala"), "Perlu tambahan kendaraan patroli");
    click(option("Belum siap"));
    complete();
    By refusal = By.xpath("//div[contains(@class,'page-notifications')]//div[contains(@class,'alert-danger')]"
        + "[contains(., 'Isian tidak sah: Catatan kesiapan wajib diisi')]");
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(refusal));
    assertThat(error.getText()).contains("Isian tidak sah: Catatan kesiapan wajib diisi")
        .as("the refusal itself, not the engine's listener wrapper").doesNotContain("ENGINE-03051");
    screenshot("02-readiness-report-refused");
    assertThat(tasks.createTaskQuery().taskId(report.getId()).count()).isOne();
    assertThat(meetings.reports(meetingId)).isEmpty();
    // the notification covers the Complete button
    click(error.findElement(By.cssSelector("button.close[ng-click='removeNotification(notification)']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(refusal));

    // the good report
    click(option("Siap"));
    complete();
    wait.until(d -> tasks.createTaskQuery().taskId(report.getId()).count() == 0);
    screenshot("03-readiness-report-completed");
    assertThat(meetings.reports(meetingId)).singleElement().satisfies(r -> {
      assertThat(r.agencyGroup()).isEqualTo("polri7373");
      assertThat(r.personnel()).isEqualTo(25);
      assertThat(r.threats()).containsExactlyInAnyOrder(Threat.POLITIK_UANG, Threat.HOAKS);
      assertThat(r.needs()).isEqualTo("Perlu tambahan kendaraan patroli");
      assertThat(r.readiness()).isEqualTo(ReportedReadiness.SIAP);
      assertThat(r.submittedBy()).isEqualTo("polrespalopo");
    });

    // the coordinator's task shows the summary so far in its disabled textarea
    Task outcome = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("RecordMeetingOutcomeTask").singleResult();
    login("kesbangpolpalopo");
    openTask(outcome.getId(), "Catat hasil rapat");
    claimIfNeeded();
    WebElement summary = field("Laporan kesiapan yang masuk");
    wait.until(d -> summary.getAttribute("value").startsWith("1 dari 2 laporan diterima"));
    assertThat(summary.isEnabled()).isFalse();
    assertThat(summary.getAttribute("value"))
        .contains("Polres Palopo: Siap, 25 personel; kerawanan: Politik uang, Hoaks dan disinformasi")
        .contains("KPU Kota Palopo: belum melapor");
    screenshot("04-meeting-outcome-form");
  }

  @Test
  void theCoordinatorSchedulesAMeetingWithTheStartFormInTasklist() {
    login("kesbangpolpalopo");
    click(wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//a[@ng-click='open()'][contains(., 'Mulai proses')]"))));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'modal-body')]//a[@ng-click='selectProcessDefinition(processDefinition)']"
            + "[normalize-space(.)='Rapat koordinasi (Rakor)']"))));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));

    assertThat(label("Kode wilayah (Kemendagri)").isDisplayed()).isTrue();
    assertThat(label("Tahapan").isDisplayed()).isTrue();
    assertThat(label("Judul rapat").isDisplayed()).isTrue();
    assertThat(label("Agenda").isDisplayed()).isTrue();
    List<WebElement> invited = label("Instansi yang diundang")
        .findElements(By.xpath("ancestor::div[contains(@class,'fjs-form-field-checklist')][1]//input[@type='checkbox']"));
    assertThat(invited).hasSize(7).allMatch(WebElement::isSelected);
    screenshot("05-schedule-meeting-start-form");

    // fill and start it. The start form has no election field: the server takes the demo
    // profile's simulation election, whose campaign ends 17 days after the application started,
    // so the meeting is a week from today (the time picker offers quarters of an hour).
    LocalDate day = LocalDate.now(WITA).plusDays(7);
    String title = "Rakor kesiapan kampanye (Tasklist)";
    type(field("Kode wilayah (Kemendagri)"), PALOPO);
    select("Tahapan", "Kampanye");
    type(field("Judul rapat"), title);
    type(field("Tanggal rapat"), day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    type(field("Jam (waktu setempat)"), "09:45");
    type(field("Tempat"), "Aula Kantor Wali Kota Palopo");
    type(field("Agenda"), "1. Laporan kesiapan instansi");
    click(option("Kejari / Kejati")); // not invited
    screenshot("06-schedule-meeting-filled");
    WebElement start = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']")));
    assertThat(start.getText().trim()).isEqualTo("Mulai");
    click(start);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
    screenshot("07-schedule-meeting-started");

    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY)
        .variableValueEquals("title", title).singleResult();
    assertThat(pi).as("Rakor %s started from Tasklist", title).isNotNull();
    String meetingId = pi.getBusinessKey();
    assertThat(runtime.getVariable(pi.getId(), "convenedBy")).isEqualTo("kesbangpolpalopo");
    assertThat(meetings.find(meetingId)).get().satisfies(m -> {
      assertThat(m.title()).isEqualTo("Rakor kesiapan kampanye (Tasklist)");
      assertThat(m.meetingAt()).isEqualTo(day.atTime(9, 45).atZone(WITA).toInstant());
      assertThat(m.invitedGroups()).hasSize(6).doesNotContain("kejaksaan7373");
    });
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("SubmitReadinessReportTask")
        .list()).hasSize(6).noneMatch(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> "kejaksaan7373".equals(l.getGroupId())));
  }

  @Test
  void tasklistSpeaksIndonesianToABrowserSetToEnglish() {
    ProcessInstance pi = schedule("2026-12-22T14:00", List.of("POLRI", "KPU"));
    Task report = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("SubmitReadinessReportTask").taskCandidateGroup("polri7373").singleResult();
    assertThat(((JavascriptExecutor) driver).executeScript("return navigator.language")).isEqualTo("en-US");

    login("polrespalopo"); // checks the login page's Indonesian texts on the way
    // the chrome: header, start link, filters, search, task list with moment.js dates
    assertThat(visible(By.xpath("//a[@ng-click='open()'][normalize-space(.)='Mulai proses']")).isDisplayed()).isTrue();
    assertThat(visible(By.xpath("//*[contains(@class,'filters')]//*[contains(normalize-space(.),'Tugas saya')]")).isDisplayed())
        .isTrue();
    WebElement created = visible(By.xpath("//li[contains(@class,'task')]//*[contains(@class,'creation-date')]"));
    wait.until(d -> created.getText().matches("Dibuat .+ yang lalu"));
    assertThat(driver.findElement(By.tagName("body")).getText())
        .doesNotContain("Start process").doesNotContain("Created").doesNotContain("Log out");

    openTask(report.getId(), "Laporan kesiapan");
    WebElement claim = visible(By.cssSelector("button.claim"));
    assertThat(claim.getText().trim()).isEqualTo("Klaim");
    screenshot("00-tasklist-indonesian-unclaimed");
    claimIfNeeded();
    WebElement complete = visible(By.cssSelector("button[ng-click='complete()']"));
    assertThat(complete.getText().trim()).isEqualTo("Selesaikan");
    assertThat(visible(By.cssSelector("button[ng-click='save($event)']")).getText().trim()).isEqualTo("Simpan");
    screenshot("00-tasklist-indonesian");
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
    screenshot("00-tasklist-indonesian-buttons");
  }

  /** Opens a form-js select (a div, not a native select) and picks an option by its label. */
  void select(String labelText, String optionLabel) {
    String id = label(labelText).getAttribute("for");
    // focusing its hidden input opens the dropdown list
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
        driver.findElement(By.id(id)));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + optionLabel + "']"))));
    wait.until(ExpectedConditions.textToBe(By.id(id + "-display"), optionLabel));
  }

  // ------------------------------------------------------------------ Tasklist

  /** Logs out whoever was logged in (fresh cookies and storage) and logs in; the filters load. */
  void login(String user) {
    driver.get(base() + "/camunda/api/engine/engine"); // same origin, no application running
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.manage().deleteAllCookies();
    driver.get(base() + "/camunda/app/tasklist/default/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']")));
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
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'filters')]//*[contains(normalize-space(.),'Tugas instansi saya')]")));
    assertThat(driver.findElements(By.cssSelector(".page-notifications .alert-danger"))).isEmpty();
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void openTask(String taskId, String taskName) {
    driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'task-details')]//*[normalize-space(text())='" + taskName + "']")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  void claimIfNeeded() {
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
  }

  void complete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='complete()']")));
    click(button);
  }

  /** A form-js field label (the required mark is a separate element). */
  WebElement label(String text) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-form')]//label[normalize-space(text())='" + text + "']")));
  }

  /** The input of the form-js field with this label. */
  WebElement field(String labelText) {
    return driver.findElement(By.id(label(labelText).getAttribute("for")));
  }

  /** The checkbox or radio button of a form-js checklist or radio group with this label. */
  WebElement option(String text) {
    WebElement optionLabel = label(text);
    return driver.findElement(By.id(optionLabel.getAttribute("for")));
  }

  /** Tasklist's fixed footer covers the bottom of the form: click in the middle of the view. */
  static void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /**
   * form-js debounces text input and flushes it on blur: leave the field with TAB, otherwise a
   * quick click on Complete submits the form without the text.
   */
  static void type(WebElement input, String text) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    input.clear();
    input.sendKeys(text, Keys.TAB);
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  static void screenshot(String name) {
    try {
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ engine

  ProcessInstance schedule(String meetingAt, List<String> invited) {
    return new CoordinationMeetingDriver(forms, repository, identity, tasks)
        .start(CoordinationMeetingDriver.scheduleForm(electionId, meetingAt, invited), "kesbangpolpalopo");
  }
}
