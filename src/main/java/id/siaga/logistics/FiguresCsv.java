package id.siaga.logistics;

import id.siaga.region.KecamatanCsv;
import java.util.List;
import java.util.Set;

/**
 * Reads a per-kecamatan figures file (docs/processes/logistics-figures.md) for one region and checks
 * all of it before anything is written: every problem is reported with its line, and one problem
 * rejects the whole file.
 *
 * <pre>
 * kode_kecamatan,jumlah_tps,jumlah_dpt,terpencil_3t,moda_transportasi
 * 35.07.01,152,61234,tidak,darat
 * </pre>
 */
final class FiguresCsv {

  static final List<String> HEADER = List.of("kode_kecamatan", "jumlah_tps", "jumlah_dpt", "terpencil_3t",
      "moda_transportasi");
  static final int MAX_CHARS = KecamatanCsv.MAX_CHARS;
  /** More TPS than any kecamatan has (the largest hold a few hundred); a typo guard, not a fact. */
  static final int MAX_TPS = 5_000;
  /** Voters per TPS: KPU set at most 600 for Pilkada 2024 (the law allows 800; docs/processes/logistics-figures.md). */
  static final int MAX_VOTERS_PER_TPS = 600;

  private FiguresCsv() {}

  /** The rows of the file, all checked; {@code districts} are the kecamatan codes of the region. */
  static List<KecamatanFigures> read(String text, Set<String> districts, String origin) {
    return KecamatanCsv.read(text, HEADER, districts, FiguresRejectedException::new,
        (code, row) -> row(code, row, origin));
  }

  private static KecamatanFigures row(String code, KecamatanCsv.Row row, String origin) {
    Integer tps = row.count(1, "jumlah_tps");
    Integer voters = row.count(2, "jumlah_dpt");
    Boolean remote = switch (row.cell(3).toLowerCase()) {
      case "ya" -> true;
      case "tidak" -> false;
      default -> {
        row.problem("terpencil_3t harus 'ya' atau 'tidak', bukan '" + KecamatanCsv.shown(row.cell(3)) + "'");
        yield null;
      }
    };
    TransportMode mode = TransportMode.parse(row.cell(4));
    if (mode == null) {
      row.problem("moda_transportasi harus darat, sungai, laut atau udara, bukan '" + KecamatanCsv.shown(row.cell(4))
          + "'");
    }
    if (tps != null && voters != null) {
      if (tps == 0 && voters > 0) {
        row.problem("ada pemilih tetapi tidak ada TPS");
      } else if (tps > MAX_TPS) {
        row.problem("jumlah_tps " + tps + " melebihi " + MAX_TPS);
      } else if (tps > 0 && voters > (long) tps * MAX_VOTERS_PER_TPS) {
        row.problem("rata-rata pemilih per TPS melebihi " + MAX_VOTERS_PER_TPS);
      }
    }
    return new KecamatanFigures(code, tps == null ? 0 : tps, voters == null ? 0 : voters,
        remote != null && remote, mode, origin);
  }
}
