package id.siaga.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "H-1 18:00 local" becomes an instant in the region's own zone: WIB, WITA or WIT. */
@SiagaSpringBootTest
class LocalDeadlinesTest {

  static final String MALANG_WIB = "35.07";
  static final String PALOPO_WITA = "73.73";
  static final String JAYAPURA_WIT = "91.71";

  @Autowired LocalDeadlines deadlines;
  @Autowired Elections elections;
  @Autowired ElectionRepository electionRepository;

  @Test
  void theSameLocalDeadlineFallsAnHourApartPerZone() {
    Instant wib = deadlines.deadline("pilkada-2024", MALANG_WIB, "H-1 18:00 local");
    Instant wita = deadlines.deadline("pilkada-2024", PALOPO_WITA, "H-1 18:00 local");
    Instant wit = deadlines.deadline("pilkada-2024", JAYAPURA_WIT, "H-1 18:00 local");

    assertThat(wib).isEqualTo(Instant.parse("2024-11-26T11:00:00Z"));
    assertThat(wita).isEqualTo(Instant.parse("2024-11-26T10:00:00Z"));
    assertThat(wit).isEqualTo(Instant.parse("2024-11-26T09:00:00Z"));
    assertThat(Duration.between(wit, wib)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void anEarlyMorningDeadlineFallsOnThePreviousDayInUtc() {
    Instant wit = deadlines.deadline("pilkada-2024", JAYAPURA_WIT, "H 07:00");
    Instant wita = deadlines.deadline("pilkada-2024", PALOPO_WITA, "H 07:00");
    Instant wib = deadlines.deadline("pilkada-2024", MALANG_WIB, "H 07:00");

    assertThat(wit).isEqualTo(Instant.parse("2024-11-26T22:00:00Z"));
    assertThat(wita).isEqualTo(Instant.parse("2024-11-26T23:00:00Z"));
    assertThat(wib).isEqualTo(Instant.parse("2024-11-27T00:00:00Z"));
    assertThat(deadlines.at(JAYAPURA_WIT, LocalDate.of(2024, 11, 27), LocalTime.of(8, 59)))
        .isEqualTo(Instant.parse("2024-11-26T23:59:00Z"));
  }

  @Test
  void aKecamatanUsesTheZoneOfItsProvince() {
    assertThat(deadlines.deadline("pilkada-2024", "73.73.01", "H-1 18:00"))
        .isEqualTo(deadlines.deadline("pilkada-2024", PALOPO_WITA, "H-1 18:00"));
  }

  @Test
  void showsAnInstantAsTheRegionReadsIt() {
    Instant instant = Instant.parse("2024-11-26T10:00:00Z");
    assertThat(deadlines.display(PALOPO_WITA, instant)).isEqualTo("Selasa, 26 November 2024 pukul 18.00 WITA");
    assertThat(deadlines.display(JAYAPURA_WIT, instant)).isEqualTo("Selasa, 26 November 2024 pukul 19.00 WIT");
  }

  @Test
  void theDemoSimulationPutsVotingDayAFewWeeksAhead() {
    // other test classes of the shared context add simulations of their own (days or months ahead)
    List<Election> simulations = electionRepository.findAll().stream().filter(Election::simulation).toList();
    Election simulation = simulations.stream().filter(e -> !e.votingDay().isBefore(LocalDate.now().plusDays(14))
        && !e.votingDay().isAfter(LocalDate.now().plusDays(28))).findFirst()
        .orElseThrow(() -> new AssertionError("no demo simulation a few weeks ahead among " + simulations));
    ElectionCalendar calendar = elections.calendarOf(simulation.id());

    assertThat(calendar.stage("pemungutan-suara").orElseThrow().start()).isEqualTo(simulation.votingDay());
    assertThat(deadlines.deadline(simulation.id(), PALOPO_WITA, "H-1 18:00")).isEqualTo(
        simulation.votingDay().minusDays(1).atTime(18, 0).atZone(java.time.ZoneId.of("Asia/Makassar")).toInstant());
  }

  @Test
  void readsAFormValueInTheRegionsZone() {
    java.util.Map<String, Object> form = java.util.Map.of(
        "meetingAt", "2026-12-14T09:00", "reportedAt", java.util.Date.from(Instant.parse("2026-12-11T03:30:00Z")),
        "meetingDay", "2026-12-14", "meetingAtUtc", "2026-12-14T01:00:00Z");

    assertThat(deadlines.deadline(null, PALOPO_WITA, "var:meetingAt-1 12:00", form::get))
        .isEqualTo(Instant.parse("2026-12-13T04:00:00Z"));
    assertThat(deadlines.deadline(null, JAYAPURA_WIT, "var:meetingAt-1 12:00", form::get))
        .isEqualTo(Instant.parse("2026-12-13T03:00:00Z"));
    // 11:30 WITA on Friday, three working days later at the same local time: Wednesday 11:30 WITA
    assertThat(deadlines.deadline(null, PALOPO_WITA, "var:reportedAt+3hk", form::get))
        .isEqualTo(Instant.parse("2026-12-16T03:30:00Z"));
    assertThat(deadlines.deadline(null, MALANG_WIB, "var:meetingDay", form::get))
        .isEqualTo(Instant.parse("2026-12-14T16:59:00Z"));
    assertThat(deadlines.deadline(null, MALANG_WIB, "var:meetingAtUtc 08:00", form::get))
        .isEqualTo(Instant.parse("2026-12-14T01:00:00Z"));
    assertThatThrownBy(() -> deadlines.deadline(null, PALOPO_WITA, "var:missing 08:00", form::get))
        .hasMessageContaining("variabel 'missing'");
    assertThatThrownBy(() -> deadlines.deadline(null, PALOPO_WITA, "var:bad 08:00", name -> "besok"))
        .hasMessageContaining("tanggal tidak sah");
  }

  @Test
  void refusesAnUnknownRegionOrElection() {
    assertThatThrownBy(() -> deadlines.deadline("pilkada-2024", "99.99", "H-1 18:00"))
        .hasMessageContaining("kode wilayah tidak dikenal: 99.99");
    assertThatThrownBy(() -> deadlines.deadline("pilkada-2099", PALOPO_WITA, "H-1 18:00"))
        .hasMessageContaining("pemilihan tidak dikenal");
  }

  @Test
  void countsHoursFromAnInstantAndWorkingDaysPastHolidays() {
    // Tuesday 26 November 2024, 10:00 WITA; Wednesday 27 was voting day, a national holiday
    java.util.Map<String, Object> report = java.util.Map.of("reportedAt", Instant.parse("2024-11-26T02:00:00Z"),
        "reportedLocal", java.time.ZonedDateTime.parse("2024-11-26T10:00+08:00[Asia/Makassar]"));

    assertThat(deadlines.deadline(null, PALOPO_WITA, "var:reportedAt+2j", report::get))
        .isEqualTo(Instant.parse("2024-11-26T04:00:00Z"));
    assertThat(deadlines.deadline(null, PALOPO_WITA, "var:reportedAt+36j", report::get))
        .isEqualTo(Instant.parse("2024-11-27T14:00:00Z"));
    assertThat(deadlines.deadline(null, PALOPO_WITA, "var:reportedAt+1hk", report::get))
        .as("skips 27 Nov").isEqualTo(Instant.parse("2024-11-28T02:00:00Z"));
    assertThat(deadlines.deadline(null, PALOPO_WITA, "var:reportedLocal+1hk 18:00", report::get))
        .as("a date-time value, as a DMN table returns it").isEqualTo(Instant.parse("2024-11-28T10:00:00Z"));
    assertThat(deadlines.deadline("pilkada-2024", PALOPO_WITA, "H-1hk 18:00"))
        .as("the working day before voting day").isEqualTo(Instant.parse("2024-11-26T10:00:00Z"));
    assertThat(deadlines.deadline("pilkada-2024", PALOPO_WITA, "H+1hk 12:00"))
        .isEqualTo(Instant.parse("2024-11-28T04:00:00Z"));
  }

  @Test
  void aRuleWithoutAnchorCountsFromTheGivenMoment() {
    Instant now = Instant.parse("2026-12-10T05:17:00Z");

    assertThat(deadlines.deadline(null, JAYAPURA_WIT, "+2j", name -> null, () -> now))
        .isEqualTo(Instant.parse("2026-12-10T07:17:00Z"));
    assertThat(deadlines.deadline(null, JAYAPURA_WIT, "now+1 18:00", name -> null, () -> now))
        .as("tomorrow 18:00 WIT").isEqualTo(Instant.parse("2026-12-11T09:00:00Z"));
  }

  @Test
  void aRuleMayComeFromAVariableButNotPointToAnother() {
    java.util.Map<String, Object> vars = java.util.Map.of("dueRule", "var:reportedAt+2j",
        "reportedAt", "2026-12-10T08:00", "loop", "rule:dueRule", "blank", " ");

    assertThat(deadlines.deadline(null, PALOPO_WITA, "rule:dueRule", vars::get))
        .isEqualTo(Instant.parse("2026-12-10T02:00:00Z"));
    assertThatThrownBy(() -> deadlines.deadline(null, PALOPO_WITA, "rule:loop", vars::get))
        .hasMessageContaining("tidak boleh menunjuk variabel aturan lain");
    assertThatThrownBy(() -> deadlines.deadline(null, PALOPO_WITA, "rule:blank", vars::get))
        .hasMessageContaining("kosong");
    assertThatThrownBy(() -> deadlines.deadline(null, PALOPO_WITA, "rule:bad-name", vars::get))
        .hasMessageContaining("tidak sah");
  }
}
