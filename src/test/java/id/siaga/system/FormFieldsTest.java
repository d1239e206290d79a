package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.system.FormFields.Kind;
import id.siaga.system.FormFields.Value;
import id.siaga.system.FormFields.ValueKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each coordination meeting form lets a user submit, and the check of a submission against it, without an engine. */
class FormFieldsTest {

  static FormFields form(String name) throws Exception {
    Path file = name.equals("dynamic-list-probe") ? Path.of("src/test/resources/forms/dynamic-list-probe.form")
        : Path.of("bpmn/coordination-meeting", name + ".form");
    try (InputStream in = Files.newInputStream(file)) {
      return FormFields.parse(in);
    }
  }

  @Test
  void theReadinessReportDeclaresItsInputsOnly() throws Exception {
    assertThat(form("readiness-report").fields().keySet()).containsExactlyInAnyOrder("personnelCount",
        "vulnerabilities", "otherThreat", "needsAndObstacles", "readinessStatus", "readinessNotes", "attendeeName",
        "attendeePosition", "attendeeIsDeputy", "attendeeOnBehalfOf", "vulnerablePoints", "logisticsStatus",
        "adHocBodies", "supervision", "findings", "facilities", "linmas", "funding", "legalSupport", "earlyDetection");
    assertThat(form("readiness-report").fields().get("personnelCount").kind()).isEqualTo(Kind.NUMBER);
    assertThat(form("readiness-report").fields().get("vulnerabilities").kind()).isEqualTo(Kind.LIST);
  }

  @Test
  void disabledFieldsAreForDisplayAndADynamicListKeepsItsItemKeys() throws Exception {
    assertThat(form("meeting-outcome").fields()).doesNotContainKey("readinessSummary")
        .containsKeys("actionItem1Description", "actionItem10Due");
    // the product's forms have no dynamic list (Tasklist cannot complete one with rows), the rules still read one
    FormFields outcome = form("dynamic-list-probe");
    assertThat(outcome.fields().get("actionItems").itemKeys())
        .containsExactlyInAnyOrder("description", "ownerAgency", "dueDate");
    assertThat(form("waiver-review").fields()).doesNotContainKey("waiverReason").containsKey("waiverDecision");
  }

  @Test
  void aSubmissionIsCheckedByNameTypeAndSize() throws Exception {
    FormFields report = form("readiness-report");
    assertThat(report.problems(Map.of("personnelCount", new Value(ValueKind.NUMBER, "25", "Integer"),
        "readinessStatus", new Value(ValueKind.STRING, "SIAP", "String"),
        "otherThreat", new Value(ValueKind.NULL, null, "Null")))).isEmpty();
    assertThat(report.problems(Map.of("meetingId", new Value(ValueKind.STRING, "x", "String"))))
        .singleElement().asString().contains("tidak memuat isian 'meetingId'");
    assertThat(report.problems(Map.of("personnelCount", new Value(ValueKind.STRING, "25", "String"))))
        .singleElement().asString().contains("jenis String tidak sesuai (diharapkan angka)");
    assertThat(report.problems(Map.of("readinessNotes", new Value(ValueKind.STRING, "x".repeat(40_000), "String"))))
        .singleElement().asString().contains("lebih dari 32768 karakter");
    assertThat(report.problems(Map.of("readinessNotes", new Value(ValueKind.JAVA_OBJECT, null, "Object"))))
        .singleElement().asString().contains("objek Java tidak diterima");
    assertThat(report.problems(Map.of("vulnerabilities", new Value(ValueKind.JSON, "{\"a\":1}", "Json"))))
        .singleElement().asString().contains("harus berupa daftar");

    FormFields outcome = form("dynamic-list-probe");
    assertThat(outcome.problems(Map.of("actionItems", new Value(ValueKind.JSON,
        "[{\"description\":\"Patroli\",\"ownerAgency\":\"POLRI\",\"dueDate\":\"2026-12-28\"}]", "Json")))).isEmpty();
    assertThat(outcome.problems(Map.of("actionItems", new Value(ValueKind.JSON,
        "[{\"description\":\"Patroli\",\"ownerGroup\":\"polri7371\"}]", "Json"))))
        .singleElement().asString().contains("'ownerGroup' yang tidak ada di formulir");
    assertThat(FormFields.none().problems(Map.of("x", new Value(ValueKind.STRING, "y", "String"))))
        .singleElement().asString().contains("Tugas ini tidak menerima isian 'x'");
  }
}
