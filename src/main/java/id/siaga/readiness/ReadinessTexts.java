package id.siaga.readiness;

import java.util.Map;

/** What the declaration form shows. Plain rules. */
final class ReadinessTexts {

  private ReadinessTexts() {}

  static String notStarted(String workstream) {
    return switch (workstream) {
      case "coordination-meeting" -> "Rakor: belum dijadwalkan";
      case "early-warning-report" -> "Laporan kerawanan: tidak terbaca";
      case "patrol-assignment" -> "Patroli: belum dimulai";
      case "logistics-distribution" -> "Distribusi logistik: belum dimulai";
      case "tps-security-plan" -> "Pengamanan TPS: belum dimulai";
      default -> workstream + ": belum dimulai";
    };
  }

  /** One line per workstream, as of {@code asOf} (local time). */
  static String summary(Map<String, String> lines, String asOf) {
    StringBuilder text = new StringBuilder("Keadaan per " + asOf + ":");
    lines.values().forEach(line -> text.append("\n- ").append(line));
    return text.toString();
  }
}
