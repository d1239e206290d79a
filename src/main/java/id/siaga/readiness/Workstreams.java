package id.siaga.readiness;

import java.util.Map;

/** The names the board gives the product's processes, in Bahasa Indonesia. Plain rules. */
final class Workstreams {

  private Workstreams() {}

  private static final Map<String, String> LABELS = Map.of(
      "regional-readiness", "Kesiapan wilayah",
      "stage-readiness", "Kesiapan tahapan",
      "coordination-meeting", "Rakor",
      "patrol-assignment", "Patroli",
      "logistics-distribution", "Distribusi logistik",
      "tps-security-plan", "Pengamanan TPS",
      "reinforcement-request", "Permintaan bantuan pengamanan",
      "early-warning-report", "Laporan kerawanan",
      "daily-digest", "Ringkasan harian");

  /** The label of a process key, or the key itself for a process the board does not name. */
  static String label(String processKey) {
    return LABELS.getOrDefault(processKey, processKey);
  }
}
