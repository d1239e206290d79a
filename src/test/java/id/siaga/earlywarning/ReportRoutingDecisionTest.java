package id.siaga.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.DecisionTableProbe;
import id.siaga.threat.ThreatCategory;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/early-warning-report/report-routing.dmn, row by row: every category at every severity. */
class ReportRoutingDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;
  static AtomicReference<String> matched;

  @BeforeAll
  static void parse() {
    DecisionTableProbe table = new DecisionTableProbe("/bpmn/early-warning-report/report-routing.dmn", "report-routing");
    dmn = table.dmn();
    decision = table.decision();
    matched = table.matched();
  }

  @ParameterizedTest(name = "{0} {1} → {2}, {3}")
  @CsvSource({
      // category,              severity, route,            agency,  inform, triage, handle, province, national, row
      "POLITIK_UANG,             RENDAH,   PIDANA_PEMILIHAN, BAWASLU, '',     +24j,   +3,     false, false, PidanaPemilihanBiasa",
      "HOAKS,                    SEDANG,   PIDANA_PEMILIHAN, BAWASLU, '',     +24j,   +3,     false, false, PidanaPemilihanBiasa",
      "SISA_SURAT_SUARA,         TINGGI,   PIDANA_PEMILIHAN, BAWASLU, '',     +6j,    +3,     true,  false, PidanaPemilihanTinggi",
      "POLITIK_UANG,             DARURAT,  PIDANA_PEMILIHAN, BAWASLU, '',     +2j,    +3,     true,  true,  PidanaPemilihanDarurat",
      "NETRALITAS_ASN_TNI_POLRI, SEDANG,   NETRALITAS,       BAWASLU, '',     +24j,   +3,     false, false, NetralitasBiasa",
      "NETRALITAS_ASN_TNI_POLRI, TINGGI,   NETRALITAS,       BAWASLU, '',     +6j,    +3,     true,  false, NetralitasTinggi",
      "NETRALITAS_ASN_TNI_POLRI, DARURAT,  NETRALITAS,       BAWASLU, '',     +2j,    +3,     true,  true,  NetralitasDarurat",
      "PELANGGARAN_ADMINISTRASI, RENDAH,   ADMINISTRASI,     BAWASLU, '',     +24j,   +3,     false, false, AdministrasiBiasa",
      "PELANGGARAN_ADMINISTRASI, TINGGI,   ADMINISTRASI,     BAWASLU, '',     +6j,    +3,     true,  false, AdministrasiTinggi",
      "PELANGGARAN_ADMINISTRASI, DARURAT,  ADMINISTRASI,     BAWASLU, '',     +2j,    +3,     true,  true,  AdministrasiDarurat",
      "BENTROKAN,                RENDAH,   KEAMANAN,         POLRI,   TNI,    +24j,   +3,     false, false, KeamananBiasa",
      "MOBILISASI_MASSA,         TINGGI,   KEAMANAN,         POLRI,   TNI,    +6j,    +48j,   true,  false, KeamananTinggi",
      "GANGGUAN_POSKO,           DARURAT,  KEAMANAN,         POLRI,   TNI,    +2j,    +24j,   true,  true,  KeamananDarurat",
      "KELOMPOK_RADIKAL,         SEDANG,   KEAMANAN,         POLRI,   TNI,    +24j,   +3,     false, false, KeamananBiasa",
      "POLARISASI,               DARURAT,  KEAMANAN,         POLRI,   TNI,    +2j,    +24j,   true,  true,  KeamananDarurat",
      "KEAMANAN_LOGISTIK,        SEDANG,   LOGISTIK,         KPU,     POLRI,  +24j,   +3,     false, false, LogistikBiasa",
      "KEAMANAN_LOGISTIK,        TINGGI,   LOGISTIK,         KPU,     POLRI,  +6j,    +48j,   true,  false, LogistikTinggi",
      "KEAMANAN_LOGISTIK,        DARURAT,  LOGISTIK,         KPU,     POLRI,  +2j,    +24j,   true,  true,  LogistikDarurat",
      "SARANA_FASILITAS,         RENDAH,   FASILITAS,        PEMDA,   '',     +24j,   +7,     false, false, FasilitasBiasa",
      "LAINNYA,                  TINGGI,   FASILITAS,        PEMDA,   '',     +6j,    +48j,   true,  false, FasilitasTinggi",
      "SARANA_FASILITAS,         DARURAT,  FASILITAS,        PEMDA,   '',     +2j,    +24j,   true,  true,  FasilitasDarurat",
  })
  void eachRowRoutesItsCategoriesAtItsSeverities(String category, String severity, String route, String agency,
      String inform, String triage, String handle, boolean province, boolean national, String row) {
    DmnDecisionRuleResult result = evaluate(category, severity);
    assertThat(matched.get()).as("the row that decided").isEqualTo(row);
    assertThat(result.<String>getEntry("route")).isEqualTo(route);
    assertThat(result.<String>getEntry("handlingAgency")).isEqualTo(agency);
    assertThat(result.<String>getEntry("informAgencies")).isEqualTo(inform);
    assertThat(result.<String>getEntry("triageDue")).isEqualTo(triage);
    assertThat(result.<String>getEntry("handleDue")).isEqualTo(handle);
    assertThat(result.<Boolean>getEntry("informProvince")).isEqualTo(province);
    assertThat(result.<Boolean>getEntry("informNational")).isEqualTo(national);
  }

  @Test
  void everyCategoryAtEverySeverityHasExactlyOneRowAndEveryRowIsUsed() {
    Set<String> used = new LinkedHashSet<>();
    for (ThreatCategory category : ThreatCategory.values()) {
      for (Severity severity : Severity.values()) {
        assertThat(evaluate(category.name(), severity.name()).<String>getEntry("route")).isNotNull();
        used.add(matched.get());
      }
    }
    assertThat(used).hasSize(18);
    assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
        .hasSize(18);
  }

  @Test
  void anUnknownCategoryOrSeverityMatchesNoRow() {
    assertThat(dmn.evaluateDecisionTable(decision, inputs("PEMILU_CURANG", "TINGGI")).getResultList()).isEmpty();
    assertThat(dmn.evaluateDecisionTable(decision, inputs("POLITIK_UANG", "GENTING")).getResultList()).isEmpty();
  }

  static DmnDecisionRuleResult evaluate(String category, String severity) {
    return dmn.evaluateDecisionTable(decision, inputs(category, severity)).getSingleResult();
  }

  static Map<String, Object> inputs(String category, String severity) {
    return new HashMap<>(Map.of("category", category, "severity", severity));
  }
}
