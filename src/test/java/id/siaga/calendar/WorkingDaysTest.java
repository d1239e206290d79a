package id.siaga.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.calendar.WorkingDays.Holiday;
import id.siaga.calendar.WorkingDays.Kind;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Working days skip weekends, national holidays and cuti bersama (holidays/national.yaml, the SKB
 * of the three ministers for each year and the Keppres that made voting days holidays).
 */
class WorkingDaysTest {

  private final WorkingDays days = new WorkingDays();

  @Test
  void eachYearHasTheDaysItsDecreeCounts() {
    // SKB 2024: 17 holidays + 10 cuti bersama, plus the voting days of Pemilu (14 Feb) and Pilkada (27 Nov)
    assertThat(days.of(2024)).filteredOn(h -> h.kind() == Kind.LIBUR).hasSize(17 + 2);
    assertThat(days.of(2024)).filteredOn(h -> h.kind() == Kind.CUTI).hasSize(10);
    // SKB 2025: 17 + 10, and 18 August added by the amending SKB 933/2025
    assertThat(days.of(2025)).filteredOn(h -> h.kind() == Kind.LIBUR).hasSize(17);
    assertThat(days.of(2025)).filteredOn(h -> h.kind() == Kind.CUTI).hasSize(11);
    // SKB 2026: 17 + 8
    assertThat(days.of(2026)).filteredOn(h -> h.kind() == Kind.LIBUR).hasSize(17);
    assertThat(days.of(2026)).filteredOn(h -> h.kind() == Kind.CUTI).hasSize(8);
    assertThat(days.covers(2024)).isTrue();
    assertThat(days.covers(2026)).isTrue();
    assertThat(days.covers(2027)).isFalse();
    assertThat(days.of(2024)).allSatisfy(h -> assertThat(h.url()).startsWith("https://"));
  }

  @Test
  void votingDayOfPilkada2024WasANationalHoliday() {
    Holiday voting = days.holiday(LocalDate.of(2024, 11, 27)).orElseThrow();

    assertThat(voting.kind()).isEqualTo(Kind.LIBUR);
    assertThat(voting.source()).isEqualTo("Keppres Nomor 33 Tahun 2024");
    assertThat(days.isWorkingDay(LocalDate.of(2024, 11, 27))).as("a Wednesday").isFalse();
    // reported Tuesday 26 Nov: Thursday 28 is the first working day, Friday 29 the second
    assertThat(days.plus(LocalDate.of(2024, 11, 26), 2)).isEqualTo(LocalDate.of(2024, 11, 29));
  }

  @ParameterizedTest(name = "{0} + {1} hk = {2}")
  @CsvSource({
      // Idul Fitri 2024: cuti bersama Mon 8, Tue 9, holidays Wed 10, Thu 11, cuti Fri 12 and Mon 15 April
      "2024-04-05, 1, 2024-04-16",
      "2024-04-16, -1, 2024-04-05",
      // Imlek 2024: cuti bersama Fri 9 Feb; Thu 8 Feb Isra Mikraj
      "2024-02-07, 1, 2024-02-12",
      // Natal 2024: Wed 25 holiday, Thu 26 cuti bersama
      "2024-12-24, 1, 2024-12-27",
      // Idul Fitri 2025: holidays Mon 31 Mar, Tue 1 Apr, cuti bersama Wed 2 to Fri 4 and Mon 7 April
      "2025-03-27, 2, 2025-04-09",
      // HUT RI ke-80: Sunday 17 Aug, cuti bersama Monday 18 Aug 2025
      "2025-08-15, 1, 2025-08-19",
      // Idul Fitri 2026: cuti bersama Fri 20, Mon 23, Tue 24 March (21, 22 fall on the weekend)
      "2026-03-19, 1, 2026-03-25",
      // Natal 2026: cuti bersama Thu 24, holiday Fri 25 Dec
      "2026-12-23, 1, 2026-12-28",
      // an ordinary week: Friday + 3 = Wednesday
      "2026-12-11, 3, 2026-12-16",
      // a year without data counts Monday to Friday only
      "2027-12-24, 1, 2027-12-27"
  })
  void countsOnlyWorkingDays(LocalDate base, int offset, LocalDate expected) {
    assertThat(days.plus(base, offset)).isEqualTo(expected);
  }

  @Test
  void aWorkingDayRuleSkipsHolidaysButKeepsTheTimeOfDay() {
    DeadlineExpression rule = DeadlineExpression.parse("var:reportedAt+1hk");

    assertThat(rule.unit()).isEqualTo(DeadlineExpression.Unit.WORKING_DAYS);
    assertThat(rule.time()).isNull();
    assertThat(rule.shift(LocalDate.of(2024, 11, 26), days)).isEqualTo(LocalDate.of(2024, 11, 28));
  }

  @Test
  void rulesInHoursNeedAnInstantAndNoWallClockTime() {
    DeadlineExpression emergency = DeadlineExpression.parse("+2j");
    assertThat(emergency.isNow()).isTrue();
    assertThat(emergency.inHours()).isTrue();
    assertThat(emergency.offset()).isEqualTo(2);

    DeadlineExpression fromReport = DeadlineExpression.parse("var:reportedAt+36j");
    assertThat(fromReport.variableName()).isEqualTo("reportedAt");
    assertThat(fromReport.offset()).isEqualTo(36);
    assertThat(fromReport.time()).isNull();

    DeadlineExpression tomorrowEvening = DeadlineExpression.parse("now+1 18:00");
    assertThat(tomorrowEvening.isNow()).isTrue();
    assertThat(tomorrowEvening.time()).isEqualTo(LocalTime.of(18, 0));
  }
}
