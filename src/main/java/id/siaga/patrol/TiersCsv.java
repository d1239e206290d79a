package id.siaga.patrol;

import id.siaga.region.KecamatanCsv;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TPS tier file (docs/processes/tps-security-plan.md) for one region and checks all of it
 * before anything is written: every problem is reported with its line, and one problem rejects the
 * whole file. The tiers of a kecamatan must add up to its TPS count as KPU imported it.
 *
 * <pre>
 * kode_kecamatan,tps_kurang_rawan,tps_rawan,tps_sangat_rawan
 * 73.73.01,52,3,1
 * </pre>
 */
final class TiersCsv {

  static final List<String> HEADER = List.of("kode_kecamatan", "tps_kurang_rawan", "tps_rawan", "tps_sangat_rawan");
  static final int MAX_CHARS = KecamatanCsv.MAX_CHARS;

  private TiersCsv() {}

  /**
   * The rows of the file, all checked; {@code districts} are the kecamatan codes of the region,
   * {@code tpsCounts} KPU's TPS count per kecamatan (a kecamatan without one cannot be tiered yet).
   */
  static List<TpsTiers> read(String text, Set<String> districts, Map<String, Integer> tpsCounts, String origin) {
    return KecamatanCsv.read(text, HEADER, districts, TiersRejectedException::new,
        (code, row) -> row(code, row, tpsCounts, origin));
  }

  private static TpsTiers row(String code, KecamatanCsv.Row row, Map<String, Integer> tpsCounts, String origin) {
    Integer tps = null;
    if (row.ofRegion()) {
      tps = tpsCounts.get(code);
      if (tps == null) {
        row.problem("jumlah TPS kecamatan belum diimpor KPU (kecamatan " + code + ")");
      }
    }
    Integer low = row.count(1, HEADER.get(1));
    Integer vulnerable = row.count(2, HEADER.get(2));
    Integer high = row.count(3, HEADER.get(3));
    if (tps != null && low != null && vulnerable != null && high != null) {
      long sum = (long) low + vulnerable + high;
      if (sum != tps) {
        row.problem("jumlah TPS per tingkat " + low + " + " + vulnerable + " + " + high + " = " + sum
            + " tidak sama dengan jumlah TPS kecamatan menurut KPU (" + tps + ")");
      }
    }
    return new TpsTiers(code, low == null ? 0 : low, vulnerable == null ? 0 : vulnerable, high == null ? 0 : high,
        origin);
  }
}
