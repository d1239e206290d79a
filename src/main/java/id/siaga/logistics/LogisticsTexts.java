package id.siaga.logistics;

import id.siaga.region.Region;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The read-only texts the forms show (Markdown, Bahasa Indonesia), made from the leg's records. */
final class LogisticsTexts {

  private LogisticsTexts() {}

  /** The longest text a process variable holds as a string (Camunda's TEXT_ column). */
  static final int MAX_TEXT = 3900;

  /**
   * The ballots per kecamatan, one short line each, the computed number beside a changed one; the
   * other materials follow from the TPS count. Cut at {@link #MAX_TEXT} characters (a regency with
   * very many kecamatan), the status API lists them all.
   */
  static String allocation(String regionCode, List<Region> kecamatan, List<QuantityRow> rows) {
    Map<String, List<QuantityRow>> byPlace = rows.stream().collect(Collectors.groupingBy(QuantityRow::placeCode));
    StringBuilder text = new StringBuilder("Per TPS juga: 4 bilik suara, 2 botol tinta, dan per jenis pemilihan"
        + " 1 kotak suara, 1 set formulir, " + Allocation.SEALS_PER_BOX + " segel.\n");
    for (Region k : kecamatan) {
      String line = k.name() + " (" + k.code() + "): " + byPlace.getOrDefault(k.code(), List.of()).stream()
          .filter(q -> q.item().ballot()).map(LogisticsTexts::ballots).collect(Collectors.joining("; ")) + "\n";
      if (text.length() + line.length() > MAX_TEXT) {
        return text + "… selengkapnya: GET /api/logistics?regionCode=" + regionCode;
      }
      text.append(line);
    }
    return text.toString();
  }

  private static String ballots(QuantityRow q) {
    String name = q.item() == LogisticsItem.BALLOT_PROVINCE ? "gubernur" : "bupati/wali kota";
    return name + " " + q.planned() + (q.planned() == q.computed() ? "" : " (dihitung " + q.computed() + ")");
  }

  /** The items of one place; with {@code damaged}, what was found damaged too. */
  static String items(Map<LogisticsItem, QuantityRow> rows, boolean damaged) {
    return rows.values().stream().map(q -> "- " + quantity(q) + (damaged && q.damaged() != null && q.damaged() > 0
        ? " (rusak " + q.damaged() + ")" : "")).collect(Collectors.joining("\n"));
  }

  /** A replacement on its way: item names and quantities. */
  static String sent(Map<LogisticsItem, Integer> sent) {
    return sent.entrySet().stream().map(e -> "- " + e.getKey().label() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  private static String quantity(QuantityRow q) {
    String planned = q.item().label() + " " + q.planned();
    return q.planned() == q.computed() ? planned : planned + " (dihitung " + q.computed() + ")";
  }
}
