package id.siaga.logistics;

import static id.siaga.logistics.LogisticsDriver.escort;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistBrowser;
import id.siaga.calendar.Elections;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The logistics leg's Camunda Forms in the real Tasklist, in headless Chromium
 * ({@link TasklistBrowser}): Kota Palopo's outbound leg on its demo figures, KPU Kota Palopo
 * confirming the allocation and the PPK of Kecamatan Wara counting what arrived. The real clock
 * runs: voting day lies 40 days ahead. Steps not tested here are taken by the system through
 * {@link LogisticsDriver}. Screenshots go to target/browser.
 */
@SiagaSpringBootTest
class LogisticsTasklistBrowserTest {

  static final String PALOPO = "73.73";
  static final String WARA = "73.73.01";
  static final String WARA_UTARA = "73.73.02";

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired LogisticsRepository legs;
  @Autowired Elections elections;
  @Autowired DataSource dataSource;

  LogisticsDriver driver;
  ProcessInstance pi;

  @BeforeEach
  void setUp() {
    driver = new LogisticsDriver(runtime, tasks, forms, legs);
    String electionId = elections.createSimulation("pilkada-2024", LocalDate.now().plusDays(40)).id();
    // started as the system would
    pi = runtime.startProcessInstanceByKey(LogisticsDriver.PROCESS,
        Map.of("regionCode", PALOPO, "direction", "OUTBOUND", "electionId", electionId));
  }

  @AfterEach
  void tearDown() {
    runtime.createProcessInstanceQuery().processDefinitionKey(LogisticsDriver.PROCESS).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test finished"));
    new JdbcTemplate(dataSource).update("delete from siaga_logistics_leg");
  }

  @Test
  void kpuChangesOneKecamatansAllocationWithAReasonAndSortingFollows() {
    Task allocation = driver.task(pi, "ConfirmAllocationTask");
    String allocationText = (String) runtime.getVariable(pi.getId(), "allocationText");
    String waraLine = allocationText.lines().filter(l -> l.startsWith("Wara (" + WARA + "): ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line of Wara in " + allocationText));
    assertThat(waraLine).contains("gubernur ").contains("bupati/wali kota ");

    browser.login("kpupalopo");
    browser.openTask(allocation.getId(), "Tetapkan alokasi logistik");
    browser.claimIfNeeded();
    WebElement computed = browser.field("Alokasi yang dihitung per kecamatan");
    browser.until(d -> computed.getAttribute("value").contains(waraLine));
    assertThat(computed.isEnabled()).isFalse();
    assertThat(computed.getAttribute("value")).isEqualTo(allocationText);
    assertThat(browser.label("Perubahan 1: kecamatan").isDisplayed()).isTrue();
    browser.screenshot("logistics-01-allocation-form");

    // one change with its reason, chosen from the kecamatan and items the form offers
    browser.select("Perubahan 1: kecamatan", "Wara (" + WARA + ")");
    browser.select("Perubahan 1: barang", "Surat suara bupati/wali kota");
    browser.type(browser.field("Perubahan 1: jumlah baru"), "9999");
    browser.type(browser.field("Perubahan 1: alasan"), "DPT tambahan hasil pemutakhiran");
    browser.screenshot("logistics-01b-allocation-change");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(allocation.getId()).count() == 0);
    browser.until(d -> browser.listed("Sortir dan lipat surat suara").size() == 1);
    assertThat(browser.listed("Tetapkan alokasi logistik")).isEmpty();
    browser.screenshot("logistics-02-allocation-confirmed");
    assertThat(driver.tasks(pi, "SortAndFoldTask")).hasSize(1);
    Leg leg = driver.leg(pi);
    legs.quantities(leg.legId(), WARA).forEach((item, q) -> assertThat(q.planned()).as("%s", item)
        .isEqualTo(item == LogisticsItem.BALLOT_LOCAL ? 9999 : q.computed()));
    assertThat(legs.quantities(leg.legId(), WARA).get(LogisticsItem.BALLOT_LOCAL).overrideReason())
        .isEqualTo("DPT tambahan hasil pemutakhiran");
  }

  @Test
  void thePpkOfWaraAddsUpItsTpsAndNamesTheOneThatDoesNotReconcile() {
    // an election voted yesterday, whose outbound leg was started in time
    java.time.LocalDate votingDay = LocalDate.now().minusDays(1);
    String past = elections.createSimulation("pilkada-2024", votingDay).id();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        votingDay.minusDays(10).atStartOfDay(java.time.ZoneId.of("Asia/Makassar")).toInstant()));
    try {
      driver.start(PALOPO, LegDirection.OUTBOUND, past);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    ProcessInstance back = driver.start(PALOPO, LegDirection.RETURN, past);
    Leg leg = driver.leg(back);
    Task returns = driver.task(back, "RecordTpsReturnsTask", WARA);

    browser.login("ppkwara");
    browser.openTask(returns.getId(), "Rekapitulasi surat suara kecamatan");
    browser.claimIfNeeded();
    for (String ballot : List.of("Surat suara gubernur", "Surat suara bupati/wali kota")) {
      browser.type(browser.field(ballot + " diterima TPS (jumlah kecamatan)"), "1000");
      browser.type(browser.field(ballot + " digunakan (jumlah kecamatan)"), "900");
      browser.type(browser.field(ballot + " tidak digunakan (jumlah kecamatan)"), "98");
      browser.type(browser.field(ballot + " rusak (jumlah kecamatan)"), "2");
    }
    browser.click(browser.driver().findElement(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]"
        + "[.//label[normalize-space(text())='TPS yang hitungannya tidak cocok']]//label[normalize-space(.)='TPS 2']//input")));
    browser.type(browser.field("Uraian selisih per TPS (wajib bila ada TPS yang dicentang)"),
        "Satu surat suara gubernur tercatat di C.Hasil TPS 2 tetapi tidak ada di kotak");
    browser.screenshot("logistics-06-return-reconciliation");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(returns.getId()).count() == 0);

    assertThat(legs.findings(leg.legId())).singleElement().satisfies(f -> {
      assertThat(f.districtCode()).isEqualTo(WARA);
      assertThat(f.kind()).isEqualTo(LogisticsFinding.RECONCILIATION);
      assertThat(f.description()).startsWith("TPS 2: Satu surat suara gubernur");
    });
    assertThat(legs.unusedByDistrict(leg.legId())).containsEntry(WARA, 2 * 98);
  }

  @Test
  void thePpkOfWaraCountsWhatArrivedAndTasklistShowsTheRefusalOfTooMany() {
    Leg leg = driver.leg(pi);
    driver.planWithoutChanges(pi);
    for (String kecamatan : List.of(WARA, WARA_UTARA)) {
      driver.submit(driver.task(pi, "AssignEscortTask", kecamatan), escort());
      driver.submit(driver.task(pi, "RecordDispatchTask", kecamatan), Map.of());
    }
    Task receipt = driver.task(pi, "ConfirmReceiptTask", WARA);
    Task elsewhere = driver.task(pi, "ConfirmReceiptTask", WARA_UTARA);
    Map<LogisticsItem, QuantityRow> sent = legs.quantities(leg.legId(), WARA);
    assertThat(sent.keySet()).contains(LogisticsItem.BALLOT_PROVINCE, LogisticsItem.BALLOT_LOCAL);

    browser.login("ppkwara");
    // the PPK of Wara sees Wara's receipt, not Wara Utara's
    browser.until(d -> browser.listed("Terima logistik di kecamatan").size() == 1);
    assertThat(browser.listed("Terima logistik di kecamatan").get(0).findElements(By.cssSelector("a[href]")))
        .extracting(a -> a.getAttribute("href"))
        .anyMatch(href -> href.contains(receipt.getId()))
        .noneMatch(href -> href.contains(elsewhere.getId()));
    browser.screenshot("logistics-03-ppk-task-list");

    browser.openTask(receipt.getId(), "Terima logistik di kecamatan");
    browser.claimIfNeeded();
    // the form's heading names the kecamatan from its caption ({{title}}), the only name it stores
    browser.until(d -> d.findElements(By.xpath("//form//strong[normalize-space(.)='Kecamatan Wara']")).size() == 1);
    WebElement shipped = browser.field("Barang yang dikirim");
    String quantitiesText = (String) forms.getTaskFormVariables(receipt.getId()).get("quantitiesText");
    browser.until(d -> quantitiesText.equals(shipped.getAttribute("value")));
    assertThat(shipped.isEnabled()).isFalse();
    // Palopo votes for governor and mayor: both ballot types are asked for
    assertThat(browser.label("Surat suara gubernur diterima baik").isDisplayed()).isTrue();
    assertThat(browser.label("Surat suara bupati/wali kota diterima baik").isDisplayed()).isTrue();
    browser.screenshot("logistics-04-receipt-form");

    // everything dispatched arrived, and three mayoral ballots are counted damaged on top of it
    sent.forEach((item, q) -> {
      assertThat(quantitiesText).contains(item.label() + " " + q.dispatched());
      browser.type(browser.field(item.label() + " diterima baik"), String.valueOf(q.dispatched()));
      browser.type(browser.field(item.label() + " rusak"), item == LogisticsItem.BALLOT_LOCAL ? "3" : "0");
    });
    browser.screenshot("logistics-05-receipt-filled");
    browser.complete();
    int local = sent.get(LogisticsItem.BALLOT_LOCAL).dispatched();
    WebElement refusal = browser.refusal("Surat suara bupati/wali kota: diterima " + local
        + " dan rusak 3 melebihi yang dikirim (" + local + ")");
    browser.screenshot("logistics-06-receipt-refused");
    assertThat(tasks.createTaskQuery().taskId(receipt.getId()).count()).isOne();
    assertThat(legs.district(leg.legId(), WARA).orElseThrow().receivedAt()).isNull();
    assertThat(refusal.getText()).as("Bahasa Indonesia only").doesNotContain("Cannot submit task form");
    browser.dismiss(refusal, "melebihi yang dikirim");

    // recounted: none was damaged
    browser.type(browser.field("Surat suara bupati/wali kota rusak"), "0");
    browser.complete();
    browser.until(d -> tasks.createTaskQuery().taskId(receipt.getId()).count() == 0);
    browser.screenshot("logistics-07-receipt-completed");
    assertThat(legs.district(leg.legId(), WARA).orElseThrow().receivedAt()).isNotNull();
    legs.quantities(leg.legId(), WARA).values().forEach(q -> {
      assertThat(q.received()).as("%s received", q.item()).isEqualTo(q.dispatched());
      assertThat(q.damaged()).as("%s damaged", q.item()).isZero();
    });
    assertThat(driver.tasks(pi, "SendShortfallTask")).isEmpty();
    assertThat(driver.task(pi, "ConfirmTpsDeliveryTask", WARA)).isNotNull();
    assertThat(legs.district(leg.legId(), WARA_UTARA).orElseThrow().receivedAt()).isNull();
  }
}
