package id.siaga.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.meeting.MeetingVariables.FollowUpDecision;
import id.siaga.meeting.MeetingVariables.WaiverDecision;
import id.siaga.agency.AgencyType;
import id.siaga.system.FormInput;
import id.siaga.threat.ThreatCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain rules of a coordination meeting, without an engine or a database. */
class MeetingRulesTest {

  static final Instant DUE = Instant.parse("2026-12-09T04:00:00Z");

  @Test
  void reportsAreDueTheDayBeforeAtNoonOrSoonerForAMeetingAtShortNotice() {
    LocalDateTime meeting = LocalDateTime.of(2026, 12, 10, 9, 0);
    assertThat(ReportDeadline.of(meeting, LocalDateTime.of(2026, 12, 1, 8, 0)))
        .isEqualTo(LocalDateTime.of(2026, 12, 9, 12, 0));
    assertThat(ReportDeadline.of(meeting, LocalDateTime.of(2026, 12, 9, 0, 0)))
        .as("noon the day before is exactly 12 hours away").isEqualTo(LocalDateTime.of(2026, 12, 9, 12, 0));
    assertThat(ReportDeadline.of(meeting, LocalDateTime.of(2026, 12, 9, 0, 1)))
        .as("less than 12 hours: two hours before the meeting").isEqualTo(LocalDateTime.of(2026, 12, 10, 7, 0));
    assertThat(ReportDeadline.of(meeting, LocalDateTime.of(2026, 12, 10, 7, 30)))
        .as("less than two hours: at the start").isEqualTo(meeting);
  }

  @Test
  void aReportBeforeItsDueDateIsOnTimeAfterItLate() {
    Map<String, Object> form = Map.of("personnelCount", 12, "vulnerabilities", "[\"HOAKS\",\"LAINNYA\"]",
        "otherThreat", "Banjir di gudang", "needsAndObstacles", "Kendaraan", "readinessStatus", "SIAP",
        "attendeeName", "AKBP Budi", "attendeePosition", "Kapolres", "vulnerablePoints", "Gudang KPU dijaga");
    ReadinessReport onTime = ReadinessReports.read(new FormInput(form), "m", "polri7373", AgencyType.POLRI, "u", DUE.minusSeconds(1), DUE);
    ReadinessReport late = ReadinessReports.read(new FormInput(form), "m", "polri7373", AgencyType.POLRI, "u", DUE.plusSeconds(1), DUE);
    assertThat(onTime.late()).isFalse();
    assertThat(late.late()).isTrue();
    assertThat(onTime.threats()).containsExactly(ThreatCategory.HOAKS, ThreatCategory.LAINNYA);
    assertThat(onTime.otherThreat()).isEqualTo("Banjir di gudang");
    assertThat(onTime.readiness()).isEqualTo(ReportedReadiness.SIAP);
  }

  @Test
  void anOtherThreatTextIsDroppedWhenLainnyaIsNotTicked() {
    ReadinessReport report = ReadinessReports.read(new FormInput(Map.of("personnelCount", 0, "vulnerabilities", "[]",
        "otherThreat", "sisa isian lama", "needsAndObstacles", "-", "readinessStatus", "SIAP", "attendeeName", "A",
        "attendeePosition", "B", "attendeeOnBehalfOf", "sisa isian lama", "vulnerablePoints", "-")), "m", "g",
        AgencyType.POLRI, "u", DUE, DUE);
    assertThat(report.otherThreat()).isNull();
    assertThat(report.attendee().onBehalfOf()).as("not a deputy: the head attends").isNull();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      // agency type, the topics it must answer, whether it reports personnel
      "POLRI,      vulnerablePoints,                   true",
      "TNI,        vulnerablePoints,                   true",
      "KPU,        logisticsStatus adHocBodies,        false",
      "BAWASLU,    supervision findings,               false",
      "PEMDA,      facilities linmas funding,          false",
      "KEJAKSAAN,  legalSupport,                       false",
      "KESBANGPOL, earlyDetection,                     false",
  })
  void eachAgencyAnswersTheTopicsOfItsTypeAndOnlyThePoliceAndTniTheirPersonnel(AgencyType type, String keys,
      boolean personnel) {
    List<String> topics = List.of(keys.split(" "));
    assertThat(ReportTopics.of(type)).extracting(ReportTopics.Topic::key).containsExactlyElementsOf(topics);
    assertThat(ReportTopics.asksPersonnel(type)).isEqualTo(personnel);
    Map<String, Object> form = new java.util.HashMap<>(Map.of("vulnerabilities", "[]", "needsAndObstacles", "-",
        "readinessStatus", "SIAP", "attendeeName", "A", "attendeePosition", "B"));
    // without its topics (and without personnel): every missing one is named
    assertThatThrownBy(() -> ReadinessReports.read(new FormInput(form), "m", "g", type, "u", DUE, DUE))
        .satisfies(e -> {
          for (ReportTopics.Topic topic : ReportTopics.of(type)) {
            assertThat(e).hasMessageContaining(topic.label() + " wajib diisi");
          }
          if (personnel) {
            assertThat(e).hasMessageContaining("Jumlah personel wajib diisi");
          } else {
            assertThat(e).hasMessageNotContaining("Jumlah personel");
          }
        });
    // with them: kept by key; another type's topics and a personnel count the form did not ask are ignored
    ReportTopics.ALL.forEach(topic -> form.put(topic.key(), "Jawaban " + topic.key()));
    form.put("personnelCount", 75);
    ReadinessReport report = ReadinessReports.read(new FormInput(form), "m", "g", type, "u", DUE, DUE);
    assertThat(report.topics()).containsOnlyKeys(topics).containsEntry(topics.get(0), "Jawaban " + topics.get(0));
    assertThat(report.personnel()).isEqualTo(personnel ? 75 : 0);
  }

  @Test
  void aDeputyNamesWhomTheyStandInForAndTheAttendeeIsRequired() {
    Map<String, Object> base = Map.of("personnelCount", 40, "vulnerabilities", "[]", "needsAndObstacles", "-",
        "readinessStatus", "SIAP", "vulnerablePoints", "Pasar Sentral");
    Map<String, Object> deputy = new java.util.HashMap<>(base);
    deputy.putAll(Map.of("attendeeName", "Kompol Andi Saputra", "attendeePosition", "Wakapolres",
        "attendeeIsDeputy", true, "attendeeOnBehalfOf", "Kapolres Palopo"));
    assertThat(ReadinessReports.read(new FormInput(deputy), "m", "polri7373", AgencyType.POLRI, "u", DUE, DUE).attendee())
        .isEqualTo(new ReadinessReport.Attendee("Kompol Andi Saputra", "Wakapolres", "Kapolres Palopo"));

    Map<String, Object> noHead = new java.util.HashMap<>(deputy);
    noHead.remove("attendeeOnBehalfOf");
    assertThatThrownBy(() -> ReadinessReports.read(new FormInput(noHead), "m", "polri7373", AgencyType.POLRI, "u", DUE, DUE))
        .hasMessageContaining("Mewakili (jabatan pimpinan) wajib diisi");
    assertThatThrownBy(() -> ReadinessReports.read(new FormInput(base), "m", "polri7373", AgencyType.POLRI, "u", DUE, DUE))
        .hasMessageContaining("Nama pejabat yang hadir wajib diisi").hasMessageContaining("Jabatan wajib diisi");
    Map<String, Object> script = new java.util.HashMap<>(deputy);
    script.put("attendeeName", "<script>alert(1)</script>");
    assertThatThrownBy(() -> ReadinessReports.read(new FormInput(script), "m", "polri7373", AgencyType.POLRI, "u", DUE, DUE))
        .hasMessageContaining("Nama pejabat yang hadir tidak boleh berisi kode");
  }

  @Test
  void theCoordinatorsSummaryHasOneLinePerInvitedAgency() {
    ReadinessReport police = new ReadinessReport("m", "polri7373", 120, List.of(ThreatCategory.POLITIK_UANG), null, "n",
        ReportedReadiness.SIAP_DENGAN_CATATAN, "c", "u", DUE, DUE, true, null, Map.of());
    String summary = ReadinessReports.summary(List.of("polri7373", "kpu7373"), List.of(police),
        group -> group.startsWith("polri") ? "Polres Kota Palopo" : "KPU Kota Palopo");
    assertThat(summary).isEqualTo("1 dari 2 laporan diterima\n"
        + "- Polres Kota Palopo: Siap dengan catatan, 120 personel; kerawanan: Politik uang (terlambat)\n"
        + "- KPU Kota Palopo: belum melapor\n");
  }

  @Test
  void followUpDecisionsAndTheirRequiredFields() {
    assertThat(FollowUps.checkOwnerForm(new FormInput(Map.of("followUpDecision", "SELESAI",
        "followUpOutcome", "x", "evidence", "y")))).isEqualTo(FollowUpDecision.SELESAI);
    assertThat(FollowUps.checkOwnerForm(new FormInput(Map.of("followUpDecision", "MINTA_PEMBEBASAN",
        "waiverReason", "z")))).isEqualTo(FollowUpDecision.MINTA_PEMBEBASAN);
    assertThat(FollowUps.checkWaiverForm(new FormInput(Map.of("waiverDecision", "SETUJU"))))
        .isEqualTo(WaiverDecision.SETUJU);
    FormInput missingEvidence = new FormInput(Map.of("followUpDecision", "SELESAI", "followUpOutcome", "x"));
    CoordinationMeetingDriver.assertRefused(() -> FollowUps.checkOwnerForm(missingEvidence),
        "Bukti (catatan atau nomor dokumen) wajib diisi");
  }

  @Test
  void anItemIsLateWhenDoneOrWaivedAfterItsDueDateAndARefusalReopensIt() {
    ActionItem item = new ActionItem("m-T1", "m", 1, "Patroli", "polri7373", LocalDate.of(2026, 12, 20), DUE,
        ActionItemStatus.TERBUKA, null, null, null, null, null, null, false, Recurrence.SEKALI);
    assertThat(FollowUps.done(item, "o", "e", "u", DUE).late()).isFalse();
    assertThat(FollowUps.done(item, "o", "e", "u", DUE.plusSeconds(60)).late()).isTrue();
    ActionItem requested = FollowUps.waiverRequested(item, "alasan", "u", DUE.plusSeconds(60));
    assertThat(requested.status()).isEqualTo(ActionItemStatus.MINTA_PEMBEBASAN);
    ActionItem refused = FollowUps.refused(requested, "tetap wajib");
    assertThat(refused.status()).isEqualTo(ActionItemStatus.TERBUKA);
    assertThat(refused.refusalReason()).isEqualTo("tetap wajib");
    assertThat(refused.late()).as("lateness is not forgiven by a refusal").isTrue();
    assertThat(FollowUps.waived(requested, "k", DUE).status()).isEqualTo(ActionItemStatus.DIBEBASKAN);
  }

  @Test
  void aRecurringItemRunsFromTheMeetingsDayToItsEndDateInDaysOrWeeks() {
    LocalDate meetingDay = LocalDate.of(2026, 12, 10);
    assertThat(ActionPeriods.of(Recurrence.SEKALI, meetingDay, LocalDate.of(2026, 12, 20))).isEmpty();
    assertThat(ActionPeriods.of(Recurrence.HARIAN, meetingDay, LocalDate.of(2026, 12, 12)))
        .extracting(ActionPeriods.Period::firstDay, ActionPeriods.Period::lastDay)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(meetingDay, meetingDay),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 11)),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 12)));
    // weeks from the meeting's day; the last one is cut at the end date
    List<ActionPeriods.Period> weeks = ActionPeriods.of(Recurrence.MINGGUAN, meetingDay, LocalDate.of(2026, 12, 27));
    assertThat(weeks).extracting(ActionPeriods.Period::number, ActionPeriods.Period::firstDay, ActionPeriods.Period::lastDay)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, meetingDay, LocalDate.of(2026, 12, 16)),
            org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 23)),
            org.assertj.core.groups.Tuple.tuple(3, LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 27)));
    assertThat(weeks.get(2).text()).isEqualTo("24 Desember 2026 s.d. 27 Desember 2026");
    assertThat(ActionPeriods.of(Recurrence.HARIAN, meetingDay, meetingDay)).hasSize(1);
    assertThatThrownBy(() -> ActionPeriods.period(Recurrence.HARIAN, meetingDay, meetingDay, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPeriodIsLateWhenConfirmedAfterItsLastDayAndTheItemIsLateIfAnyPeriodWas() {
    ActionItem item = new ActionItem("m-T1", "m", 1, "Patroli malam", "polri7373", LocalDate.of(2026, 12, 12), DUE,
        ActionItemStatus.TERBUKA, null, null, null, null, null, null, false, Recurrence.HARIAN);
    ActionPeriods.Period period = new ActionPeriods.Period(1, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10));
    ActionPeriodRecord inTime = FollowUps.confirmed(item, period, DUE, true, null, "u", DUE);
    ActionPeriodRecord late = FollowUps.confirmed(item, period, DUE, false, "hujan", "u", DUE.plusSeconds(1));
    assertThat(inTime.late()).isFalse();
    assertThat(late.late()).isTrue();
    assertThat(FollowUps.recurringDone(item, List.of(inTime), DUE)).satisfies(done -> {
      assertThat(done.status()).isEqualTo(ActionItemStatus.SELESAI);
      assertThat(done.outcome()).isEqualTo("1 dari 1 periode dilaksanakan");
      assertThat(done.late()).isFalse();
    });
    assertThat(FollowUps.recurringDone(item, List.of(inTime, late), DUE).late()).isTrue();
    // the owner's form: a choice, and a reason when the work was not carried out
    assertThat(FollowUps.checkPeriodForm(new FormInput(Map.of("periodDecision", "DILAKSANAKAN")))).isTrue();
    CoordinationMeetingDriver.assertRefused(() -> FollowUps.checkPeriodForm(
        new FormInput(Map.of("periodDecision", "TIDAK_DILAKSANAKAN"))), "Catatan wajib diisi");
    CoordinationMeetingDriver.assertRefused(() -> FollowUps.checkPeriodForm(new FormInput(Map.of())),
        "Pelaksanaan wajib dipilih");
    CoordinationMeetingDriver.assertRefused(() -> FollowUps.checkPeriodForm(new FormInput(Map.of(
        "periodDecision", "DILAKSANAKAN", "periodNote", "x".repeat(1001)))), "Catatan");
  }

  @Test
  void theSummaryCountsReportsAndItems() {
    Meeting meeting = new Meeting("m", "pi", "e", "73.73", "kampanye", "t", "v", "a", DUE,
        LocalDateTime.of(2026, 12, 10, 9, 0), "kesbangpol7373", List.of("polri7373", "kpu7373", "tni7373"), "u", 0,
        MeetingStatus.SELESAI, List.of(), null, null, null, null, 120,
        new Meeting.Letter(null, LetterNature.BIASA, LocalDate.of(2026, 12, 1)));
    ReadinessReport late = new ReadinessReport("m", "polri7373", 1, List.of(), null, "n", ReportedReadiness.SIAP, null, "u",
        DUE, DUE, true, null, Map.of());
    ActionItem done = new ActionItem("m-T1", "m", 1, "d", "polri7373", LocalDate.of(2026, 12, 20), DUE,
        ActionItemStatus.SELESAI, "o", "e", null, null, "u", DUE, true, Recurrence.SEKALI);
    ActionItem waived = new ActionItem("m-T2", "m", 2, "d", "kpu7373", LocalDate.of(2026, 12, 20), DUE,
        ActionItemStatus.DIBEBASKAN, null, null, "w", null, "u", DUE, false, Recurrence.SEKALI);
    assertThat(MeetingSummary.of(meeting, List.of(late), List.of(done, waived)))
        .isEqualTo(new MeetingSummary(3, 1, 1, 2, 1, 1, 0, 1));
  }
}
