package id.siaga.earlywarning;

import java.util.List;

/**
 * The Sentra Gakkumdu steps of a suspected election offence, in their order, and the decisions each
 * may take; each step's statutory limit is its task's due rule in the diagram (shared/domain.md §8;
 * docs/processes/early-warning-report.md). Plain rules.
 */
enum GakkumduStep {
  /** Bawaslu reviews the report within 3 days of receipt, 2 more when it asks for more information. */
  KAJIAN("Kajian Bawaslu", List.of("PIDANA", "BUKAN_PIDANA", "TIDAK_TERBUKTI", "PERLU_KETERANGAN",
      "BUKAN_KEWENANGAN")),
  /** Bawaslu, Polres and Kejari discuss the finding together. */
  PEMBAHASAN("Pembahasan Sentra Gakkumdu", List.of("LANJUT_PENYIDIKAN", "DIHENTIKAN")),
  /** Polres investigates and hands the file to the prosecutor within 14 working days. */
  PENYIDIKAN("Penyidikan Polres", List.of("BERKAS_DILIMPAHKAN", "DIHENTIKAN")),
  /** Kejari examines the file: an incomplete file goes back within 3 working days. */
  PENELITIAN_BERKAS("Penelitian berkas Kejari", List.of("LENGKAP", "TIDAK_LENGKAP")),
  /** Polres completes a returned file within 3 working days. */
  PELENGKAPAN_BERKAS("Pelengkapan berkas Polres", List.of("DILENGKAPI")),
  /** Kejari brings the case to the district court within 5 working days. */
  PELIMPAHAN("Pelimpahan ke pengadilan", List.of("DILIMPAHKAN"));

  /** Bawaslu's review after it asked for more information: 2 more days. */
  static final String EXTENDED_REVIEW = "+2";
  static final String FIRST_REVIEW = "+3";

  private final String label;
  private final List<String> decisions;

  GakkumduStep(String label, List<String> decisions) {
    this.label = label;
    this.decisions = decisions;
  }

  String label() {
    return label;
  }

  List<String> decisions() {
    return decisions;
  }

  /** Whether the decision ends the offence's way (closed with an outcome) rather than leading to the next step. */
  static boolean closes(String decision) {
    return List.of("BUKAN_PIDANA", "TIDAK_TERBUKTI", "DIHENTIKAN", "DILIMPAHKAN").contains(decision);
  }

  /** The report's outcome when a step closes it. */
  static ReportOutcome outcomeOf(String decision) {
    return switch (decision) {
      case "BUKAN_PIDANA" -> ReportOutcome.DITINDAKLANJUTI;
      case "TIDAK_TERBUKTI", "DIHENTIKAN" -> ReportOutcome.TIDAK_TERBUKTI;
      case "LANJUT_PENYIDIKAN", "DILIMPAHKAN" -> ReportOutcome.DITERUSKAN_KE_PENYIDIKAN;
      default -> throw new IllegalArgumentException(decision);
    };
  }
}
