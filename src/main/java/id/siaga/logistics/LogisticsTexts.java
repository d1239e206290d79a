package id.siaga.logistics;

import id.siaga.region.Region;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The read-only texts the forms show (Markdown, Bahasa Indonesia), made from the leg's records. */
final class LogisticsTexts {

  private LogisticsTexts() {}

  /** The allocation per kecamatan: one line each, the computed number beside a changed one. */
  static String allocation(List<Region> kecamatan, List<QuantityRow> rows) {
    Map<String, List<QuantityRow>> byPlace = rows.stream().collect(Collectors.groupingBy(QuantityRow::placeCode));
    StringBuilder text = new StringBuilder();
    for (Region k : kecamatan) {
      List<QuantityRow> items = byPlace.getOrDefault(k.code(), List.of());
      text.append("- **").append(k.name()).append("** (").append(k.code()).append("): ")
          .append(items.stream().map(LogisticsTexts::quantity).collect(Collectors.joining(", "))).append('\n');
    }
    return text.toString();
  }

  /** The items of one place; with {@code damaged}, what was found damaged too. */
  static String items(Map<LogisticsItem, QuantityRow> rows, boolean damaged) {
    return rows.values().stream().map(q -> "- " + quantity(q) + (damaged && q.damaged() != null && q.damaged() > 0
        ? " (rusak " + q.damaged() + ")" : "")).collect(Collectors.joining("\n"));
  }

  /** A replacement on its way: item names and quantities. */
  static String sent(Map<String, Integer> sent) {
    return sent.entrySet().stream().map(e -> "- " + LogisticsItem.valueOf(e.getKey()).label() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  private static String quantity(QuantityRow q) {
    String planned = q.item().label() + " " + q.planned();
    return q.planned() == q.computed() ? planned : planned + " (dihitung " + q.computed() + ")";
  }
}
