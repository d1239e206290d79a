package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The board cell's precedence, case by case: a declaration wins, then dieskalasi > terlambat > berjalan > belum mulai. */
class CellStateTest {

  @ParameterizedTest(name = "started {0}, declared {1}, overdue {2}, escalated {3} → {4}")
  @CsvSource({
      "false, ,                    0, 0, BELUM_MULAI",
      "true,  ,                    0, 0, BERJALAN",
      "true,  ,                    2, 0, TERLAMBAT",
      "true,  ,                    2, 1, DIESKALASI",
      "true,  ,                    0, 1, DIESKALASI",
      "true,  SIAP,                3, 2, SIAP",
      "true,  SIAP_DENGAN_CATATAN, 0, 0, SIAP_DENGAN_CATATAN",
      "true,  BELUM_SIAP,          1, 1, BELUM_SIAP",
      // tasks of a region whose stage readiness has not started (a Rakor started by hand) still count
      "false, ,                    1, 0, TERLAMBAT",
  })
  void precedence(boolean started, Declaration declared, int overdue, int escalated, CellState expected) {
    assertThat(CellState.of(started, declared, overdue, escalated)).isEqualTo(expected);
  }

  @Test
  void everyStateHasAnIndonesianLabel() {
    assertThat(CellState.DIESKALASI.label()).isEqualTo("dieskalasi");
    assertThat(CellState.SIAP_DENGAN_CATATAN.label()).isEqualTo("siap dengan catatan");
    assertThat(BoardCsv.quote("Kota Palopo")).isEqualTo("Kota Palopo");
    assertThat(BoardCsv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }
}
