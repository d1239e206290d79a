package id.siaga.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the report's tasks say. */
class ReportTextsTest {

  @Test
  void dueRulesReadAsPeopleSayThem() {
    assertThat(ReportTexts.dueLabel("+48j")).isEqualTo("48 jam");
    assertThat(ReportTexts.dueLabel("+3")).isEqualTo("3 hari");
    assertThat(ReportTexts.dueLabel("+14hk")).isEqualTo("14 hari kerja");
    assertThat(ReportTexts.dueLabel("H-1 18:00")).isEqualTo("H-1 18:00");
  }

  @Test
  void theCountsListOpenReportsFromTheGravest() {
    Map<Severity, Integer> open = new EnumMap<>(Severity.class);
    assertThat(ReportTexts.counts(open, 0)).isEqualTo("Laporan kerawanan: 0 terbuka; 0 selesai dalam 30 hari terakhir");
    open.put(Severity.RENDAH, 2);
    open.put(Severity.DARURAT, 1);
    assertThat(ReportTexts.counts(open, 4))
        .isEqualTo("Laporan kerawanan: 3 terbuka (1 darurat, 2 rendah); 4 selesai dalam 30 hari terakhir");
  }
}
