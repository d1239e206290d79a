package id.siaga.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every process diagram under {@code bpmn/} keeps the conventions of {@link DiagramConventions}: a
 * new diagram is checked by being there. The checker itself is shown to catch what it looks for,
 * on the diagram drawn with the old three-timer pattern and on broken copies of a good one.
 */
class DiagramConventionsTest {

  static Stream<Path> diagrams() throws Exception {
    return DiagramConventions.diagrams(Path.of("bpmn")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void keepsTheConventions(Path diagram) throws Exception {
    assertThat(DiagramConventions.violations(diagram)).isEmpty();
  }

  /**
   * Tasklist 7.24 cannot complete a form whose dynamic list has a row (docs/architecture.md, "Camunda
   * Forms without dynamic lists that have rows"): no form of the product uses one.
   */
  @Test
  void noFormUsesADynamicList() throws Exception {
    List<Path> forms;
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      forms = files.filter(f -> f.toString().endsWith(".form")).toList();
    }
    assertThat(forms).hasSizeGreaterThan(30);
    for (Path form : forms) {
      assertThat(Files.readString(form)).as(form.toString()).doesNotContain("\"dynamiclist\"");
    }
  }

  @Test
  void everyProcessIsCovered() throws Exception {
    assertThat(diagrams().map(p -> p.getFileName().toString()))
        .contains("coordination-meeting.bpmn", "daily-digest.bpmn");
  }

  @Test
  void theOldThreeTimerPatternIsCaught(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("legacy-deadline-probe"));
    Path copy = Files.copy(Path.of("src/test/resources/bpmn/test/legacy-deadline-probe.bpmn"),
        folder.resolve("legacy-deadline-probe.bpmn"));

    List<String> violations = DiagramConventions.violations(copy);

    assertThat(violations).contains(
        "ProbeReportTask: camunda:dueDate must be ${deadlines.due(execution)}",
        "ProbeReportTask: no Camunda Form (camunda:formRef)",
        "ProbeReportTask: needs exactly one deadline timer (${deadlines.cycle(execution)}), found 0",
        "expression ${deadlines.reminder(execution, 'ProbeReportTask')} names ProbeReportTask",
        "expression ${deadlines.escalationCycle(execution, 'ProbeReportTask')} names ProbeReportTask");
  }

  @Test
  void brokenCopiesOfAGoodDiagramAreCaught(@TempDir Path dir) throws Exception {
    Path source = Path.of("bpmn/coordination-meeting");
    String good = Files.readString(source.resolve("coordination-meeting.bpmn"));

    assertThat(violationsOf(dir, good.replace("camunda:formRef=\"waiver-review\"", "camunda:formRef=\"no-such-form\"")))
        .contains("ReviewWaiverTask: form no-such-form is not in " + dir.resolve("coordination-meeting"));
    assertThat(violationsOf(dir, good.replace("id=\"ReviewWaiverDeadlineStepTask\" name=\"Tindak lanjut tenggat\" camunda:delegateExpression=\"${deadlineStep}\"",
        "id=\"ReviewWaiverDeadlineStepTask\" name=\"Tindak lanjut tenggat\" camunda:delegateExpression=\"${deadlineStep.of('RecordMeetingOutcomeTask')}\"")))
        .contains("expression ${deadlineStep.of('RecordMeetingOutcomeTask')} names RecordMeetingOutcomeTask",
            "ReviewWaiverDeadlineTimer: must lead to one service task ${deadlineStep}");
    assertThat(violationsOf(dir, good.replace("camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${sendMeetingSummary}\"",
        "camunda:delegateExpression=\"${sendMeetingSummary}\"")))
        .contains("SendMeetingSummaryTask: sends mail, so it must be asyncBefore with a failedJobRetryTimeCycle");
    assertThat(violationsOf(dir, good.replaceAll(
        "(?s)<bpmndi:BPMNShape id=\"ReviewWaiverDeadlineTimer_di\".*?</bpmndi:BPMNShape>", "")))
        .contains("ReviewWaiverDeadlineTimer: not drawn");
    assertThat(violationsOf(dir, good.replace("camunda:candidateGroups=\"${conveningGroup}\"", "camunda:candidateGroups=\"kesbangpol7373\"")))
        .contains("RecordMeetingOutcomeTask: candidate groups must come from data (an expression), found kesbangpol7373");
  }

  private static List<String> violationsOf(Path dir, String xml) throws Exception {
    Path folder = dir.resolve("coordination-meeting");
    if (!Files.exists(folder)) {
      Files.createDirectories(folder);
      try (var forms = Files.list(Path.of("bpmn/coordination-meeting"))) {
        for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
          Files.copy(form, folder.resolve(form.getFileName()));
        }
      }
    }
    Path file = folder.resolve("coordination-meeting.bpmn");
    Files.writeString(file, xml);
    return DiagramConventions.violations(file);
  }
}
