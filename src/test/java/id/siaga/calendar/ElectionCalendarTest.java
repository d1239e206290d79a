package id.siaga.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Pilkada 2024 calendar as data, simulations derived from it, and deadline expressions. */
class ElectionCalendarTest {

  private final ElectionCalendar pilkada2024 = new CalendarCatalog().get("pilkada-2024");
  private final WorkingDays workingDays = new WorkingDays();

  @Test
  void pilkada2024IsReadFromItsDataFile() {
    assertThat(pilkada2024.votingDay()).isEqualTo(LocalDate.of(2024, 11, 27));
    assertThat(pilkada2024.stage("kampanye").orElseThrow())
        .isEqualTo(new Stage("kampanye", "Kampanye", LocalDate.of(2024, 9, 25), LocalDate.of(2024, 11, 23)));
    assertThat(pilkada2024.stage("masa-tenang").orElseThrow().start()).isEqualTo(LocalDate.of(2024, 11, 24));
    assertThat(pilkada2024.stages()).hasSize(9);
  }

  @Test
  void aSimulationMovesEveryStageByTheSameNumberOfDays() {
    LocalDate newVotingDay = LocalDate.of(2026, 12, 14);

    ElectionCalendar simulation = pilkada2024.movedTo("simulasi-20261214", "Simulasi", newVotingDay);

    long shift = ChronoUnit.DAYS.between(pilkada2024.votingDay(), newVotingDay);
    assertThat(simulation.votingDay()).isEqualTo(newVotingDay);
    assertThat(simulation.stages()).hasSameSizeAs(pilkada2024.stages());
    for (int i = 0; i < simulation.stages().size(); i++) {
      Stage real = pilkada2024.stages().get(i);
      Stage moved = simulation.stages().get(i);
      assertThat(moved.code()).isEqualTo(real.code());
      assertThat(ChronoUnit.DAYS.between(real.start(), moved.start())).isEqualTo(shift);
      assertThat(ChronoUnit.DAYS.between(real.end(), moved.end())).isEqualTo(shift);
    }
    assertThat(simulation.stage("pemungutan-suara").orElseThrow().start()).isEqualTo(newVotingDay);
  }

  @ParameterizedTest
  @CsvSource({
      "H-1 18:00 local,         2024-11-26, 18:00",
      "H 07:00,                 2024-11-27, 07:00",
      "H+3 12:00 local,         2024-11-30, 12:00",
      "kampanye.start-7 08:00,  2024-09-18, 08:00",
      "masa-tenang.end 23:59,   2024-11-26, 23:59",
      "'  H - 4   06:30 local ', 2024-11-23, 06:30"
  })
  void readsDeadlinesAsTheFieldWritesThem(String text, LocalDate date, LocalTime time) {
    DeadlineExpression expression = DeadlineExpression.parse(text);

    assertThat(expression.dateIn(pilkada2024, workingDays)).isEqualTo(date);
    assertThat(expression.time()).isEqualTo(time);
  }

  @ParameterizedTest
  @CsvSource({"H-1", "H-1 25:00", "H-1 18:60", "besok 18:00", "'<script>H-1 18:00'", "''", "H-6j", "+2j 18:00",
      "kampanye.start+2j", "var:reportedAt hk", "j"})
  void refusesWhatItCannotRead(String text) {
    assertThatThrownBy(() -> DeadlineExpression.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenggat");
  }

  @Test
  void countsWorkingDaysFromAFormValue() {
    DeadlineExpression threeWorkingDays = DeadlineExpression.parse("var:reportedAt+3hk");

    assertThat(threeWorkingDays.isVariable()).isTrue();
    assertThat(threeWorkingDays.variableName()).isEqualTo("reportedAt");
    assertThat(threeWorkingDays.time()).as("keeps the report's time of day").isNull();
    // reported on Friday 11 Dec 2026: Mon 14, Tue 15, Wed 16
    assertThat(threeWorkingDays.shift(LocalDate.of(2026, 12, 11), workingDays)).isEqualTo(LocalDate.of(2026, 12, 16));
    assertThat(DeadlineExpression.parse("var:meetingAt-1hk 12:00").shift(LocalDate.of(2026, 12, 14), workingDays))
        .isEqualTo(LocalDate.of(2026, 12, 11));
    assertThat(DeadlineExpression.parse("var:meetingAt-1 12:00").shift(LocalDate.of(2026, 12, 14), workingDays))
        .isEqualTo(LocalDate.of(2026, 12, 13));
  }

  @Test
  void refusesAStageTheCalendarDoesNotHave() {
    DeadlineExpression expression = DeadlineExpression.parse("pilpres.start 08:00");
    assertThatThrownBy(() -> expression.dateIn(pilkada2024, workingDays)).hasMessageContaining("tahapan 'pilpres'");
  }
}
