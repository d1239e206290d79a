package id.siaga.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    assertThat(deadlines.display(PALOPO_WITA, instant)).isEqualTo("Selasa, 26 November 2024 18:00 WITA");
    assertThat(deadlines.display(JAYAPURA_WIT, instant)).isEqualTo("Selasa, 26 November 2024 19:00 WIT");
  }

  @Test
  void theDemoSimulationPutsVotingDayAFewWeeksAhead() {
    Election simulation = electionRepository.findAll().stream().filter(Election::simulation).findFirst().orElseThrow();
    ElectionCalendar calendar = elections.calendarOf(simulation.id());

    assertThat(simulation.votingDay()).isBetween(LocalDate.now().plusDays(14), LocalDate.now().plusDays(28));
    assertThat(calendar.stage("pemungutan-suara").orElseThrow().start()).isEqualTo(simulation.votingDay());
    assertThat(deadlines.deadline(simulation.id(), PALOPO_WITA, "H-1 18:00")).isEqualTo(
        simulation.votingDay().minusDays(1).atTime(18, 0).atZone(java.time.ZoneId.of("Asia/Makassar")).toInstant());
  }

  @Test
  void refusesAnUnknownRegionOrElection() {
    assertThatThrownBy(() -> deadlines.deadline("pilkada-2024", "99.99", "H-1 18:00"))
        .hasMessageContaining("kode wilayah tidak dikenal: 99.99");
    assertThatThrownBy(() -> deadlines.deadline("pilkada-2099", PALOPO_WITA, "H-1 18:00"))
        .hasMessageContaining("pemilihan tidak dikenal");
  }
}
