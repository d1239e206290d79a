package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.region.Vulnerability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain rules of the security feature: report periods, due instants, plans, summaries, texts. */
class PatrolRulesTest {

  static final Instant START = Instant.parse("2027-06-05T16:00:00Z"); // 6 June 00:00 WITA
  static final Instant END = START.plus(Duration.ofDays(3));

  @Test
  void aWindowIsCutIntoPeriodsEachDueAtItsEndTheLastAtTheWindowsEnd() {
    ReportSchedule twelve = ReportSchedule.of(START, END, 12);
    assertThat(twelve.periods()).isEqualTo(6);
    assertThat(twelve.periodStart(0)).isEqualTo(START);
    assertThat(twelve.dueAt(0)).isEqualTo(START.plus(Duration.ofHours(12)));
    assertThat(twelve.dueAt(5)).isEqualTo(END);
    // a window that is not a whole number of intervals: the last period is shorter
    ReportSchedule odd = ReportSchedule.of(START, START.plus(Duration.ofHours(15)), 6);
    assertThat(odd.periods()).isEqualTo(3);
    assertThat(odd.periodStart(2)).isEqualTo(START.plus(Duration.ofHours(12)));
    assertThat(odd.dueAt(2)).isEqualTo(START.plus(Duration.ofHours(15)));
    assertThatThrownBy(() -> odd.dueAt(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> odd.periodStart(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void patrolsStartedLateReportFromThePeriodRunningNow() {
    ReportSchedule schedule = ReportSchedule.of(START, END, 12);
    assertThat(schedule.firstPeriodAfter(START.minus(Duration.ofDays(2)))).isZero();
    assertThat(schedule.firstPeriodAfter(START)).isZero();
    assertThat(schedule.firstPeriodAfter(START.plus(Duration.ofHours(12)))).isEqualTo(1);
    assertThat(schedule.firstPeriodAfter(START.plus(Duration.ofHours(33)))).isEqualTo(2);
    assertThat(schedule.firstPeriodAfter(END.minusSeconds(1))).isEqualTo(5);
    assertThat(schedule.firstPeriodAfter(END)).isEqualTo(6);
  }

  @Test
  void aScheduleNeedsAWindowAndAPositiveInterval() {
    assertThatThrownBy(() -> ReportSchedule.of(END, START, 12)).hasMessageContaining("ends after it starts");
    assertThatThrownBy(() -> ReportSchedule.of(START, START, 12)).hasMessageContaining("ends after it starts");
    assertThatThrownBy(() -> ReportSchedule.of(START, END, 0)).hasMessageContaining("positive");
  }

  @Test
  void theReviewGetsADayBeforeTheWindowOrAtLeastHalfADayAndTheAssignmentsADayAfterIt() {
    Instant early = START.minus(Duration.ofDays(5));
    assertThat(PatrolPlanning.reviewDue(START, early)).isEqualTo(START.minus(Duration.ofDays(1)));
    Instant late = START.minus(Duration.ofHours(6));
    assertThat(PatrolPlanning.reviewDue(START, late)).isEqualTo(late.plus(Duration.ofHours(12)));
    assertThat(PatrolPlanning.assignDue(START, early)).isEqualTo(START);
    assertThat(PatrolPlanning.assignDue(START, late)).isEqualTo(late.plus(Duration.ofHours(24)));
  }

  @Test
  void aPlanNeedsOneTeamPerPatrolAndReadsInBahasaIndonesia() {
    PlanRow joint = new PlanRow(3, true, 12, 4);
    assertThat(joint.personnelNeeded()).isEqualTo(12);
    assertThat(joint.text()).isEqualTo("3 patroli/hari × 4 personel Polri, gabungan dengan TNI");
    assertThat(new PlanRow(1, false, 12, 2).text()).endsWith("Polri saja");
  }

  @Test
  void aKecamatanIsPlannedWithTheHigherOfItsBandAndItsRegencys() {
    assertThat(StagePatrols.higher(Vulnerability.sedang, Vulnerability.tinggi)).isEqualTo(Vulnerability.tinggi);
    assertThat(StagePatrols.higher(Vulnerability.tinggi, Vulnerability.rendah)).isEqualTo(Vulnerability.tinggi);
    assertThat(StagePatrols.higher(Vulnerability.rendah, Vulnerability.sedang)).isEqualTo(Vulnerability.sedang);
    assertThat(StagePatrols.higher(null, Vulnerability.rendah)).isEqualTo(Vulnerability.rendah);
    assertThat(StagePatrols.higher(Vulnerability.sedang, null)).isEqualTo(Vulnerability.sedang);
  }

  @Test
  void theSummaryCountsReportsDueFiledLateAndMissedAndTheSituationsPerKecamatan() {
    PlanRow plan = new PlanRow(3, true, 12, 4);
    PatrolDistrict wara = district("73.73.01", plan, "Pusat kota", true);
    PatrolDistrict bara = district("73.73.09", plan, null, false);
    ReportSchedule s = ReportSchedule.of(START, END, 12);
    List<PatrolReport> reports = List.of(
        report(0, s, PatrolReport.Status.FILED, s.dueAt(0).minusSeconds(60)),
        report(1, s, PatrolReport.Status.FILED, s.dueAt(1).plusSeconds(60)),
        report(2, s, PatrolReport.Status.MISSED, null),
        report(3, s, PatrolReport.Status.OPEN, null),
        report(4, s, PatrolReport.Status.OPEN, null));
    Instant now = s.dueAt(3).plusSeconds(1);
    PatrolSummary summary = PatrolSummary.of(List.of(wara, bara), reports,
        Map.of("73.73.01", Map.of(Situation.AMAN, 1, Situation.RAWAN, 1)), Map.of("73.73.01", 1),
        Map.of("73.73.01", Situation.RAWAN), now);
    assertThat(summary.reportsDue()).isEqualTo(4);
    assertThat(summary.reportsFiled()).isEqualTo(2);
    assertThat(summary.reportsLate()).isEqualTo(1);
    assertThat(summary.reportsMissed()).as("the missed one and the open one past due").isEqualTo(2);
    assertThat(summary.overrides()).isEqualTo(1);
    assertThat(summary.assigned()).isEqualTo(1);
    assertThat(summary.districts()).first().satisfies(d -> {
      assertThat(d.rawan()).isEqualTo(1);
      assertThat(d.aman()).isEqualTo(1);
      assertThat(d.incidents()).isEqualTo(1);
      assertThat(d.last()).isEqualTo(Situation.RAWAN);
    });
    assertThat(summary.districts().get(1).last()).isNull();
  }

  @Test
  void aLongPlanIsCutAtALineWithANoteAndTheTotalStaysOnTop() {
    PlanRow plan = new PlanRow(4, true, 12, 6);
    List<PatrolDistrict> many = java.util.stream.IntStream.rangeClosed(1, 80)
        .mapToObj(i -> district(String.format("35.07.%02d", i), plan, null, false)).toList();
    String text = SecurityTexts.plan(many, Map.of());
    assertThat(text).startsWith("Jumlah personel Polri yang dibutuhkan per hari: " + 80 * 24)
        .endsWith("… (selengkapnya di GET /api/security)");
    assertThat(text.length()).isLessThanOrEqualTo(SecurityTexts.MAX_TEXT);
  }

  static PatrolDistrict district(String code, PlanRow plan, String reason, boolean assigned) {
    Instant at = assigned ? START : null;
    return new PatrolDistrict("patroli-x", code, "sedang", false, "patrol-plan v1", plan, plan, reason, null, null,
        null, at, null, null, at, null, null, null, at);
  }

  static PatrolReport report(int number, ReportSchedule s, PatrolReport.Status status, Instant filedAt) {
    return new PatrolReport("patroli-x", number, s.periodStart(number), s.dueAt(number), status,
        filedAt == null ? null : "polrespalopo", filedAt, filedAt == null ? null : 0, null, null);
  }
}
