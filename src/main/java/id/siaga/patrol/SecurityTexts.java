package id.siaga.patrol;

import java.util.List;
import java.util.Map;

/** What the security forms show: the plan per kecamatan, one kecamatan's plan, the guard plan. Plain rules. */
final class SecurityTexts {

  /** Tasklist shows a text field of a form up to this length; longer plans are cut with a note. */
  static final int MAX_TEXT = 3900;

  private SecurityTexts() {}

  /** One line per kecamatan: code, name, band, 3T, the plan and the personnel it needs. */
  static String plan(List<PatrolDistrict> districts, Map<String, String> names) {
    StringBuilder text = new StringBuilder();
    line(text, "Jumlah personel Polri yang dibutuhkan per hari: "
        + districts.stream().mapToInt(d -> d.plan().personnelNeeded()).sum());
    for (PatrolDistrict d : districts) {
      line(text, d.districtCode() + " " + names.getOrDefault(d.districtCode(), "") + " (kerawanan "
          + (d.vulnerability() == null ? "belum dinilai" : d.vulnerability()) + (d.remote() ? ", 3T" : "") + "): "
          + d.plan().text() + " = " + d.plan().personnelNeeded() + " personel/hari");
    }
    return cut(text);
  }

  /** The plan of one kecamatan as its assignment tasks show it. */
  static String assignment(PatrolDistrict d) {
    return d.plan().text() + "; tim Polri " + d.plan().personnelNeeded() + " personel"
        + (d.overridden() ? "; diubah Polres: " + d.overrideReason() : "");
  }

  /** One line per kecamatan of the guard plan: TPS per tier, police and Linmas. */
  static String guard(List<GuardDistrict> districts, Map<String, String> names) {
    StringBuilder text = new StringBuilder();
    for (GuardDistrict d : districts) {
      GuardPlan p = d.plan();
      line(text, d.districtCode() + " " + names.getOrDefault(d.districtCode(), "") + ": TPS " + p.kurangRawanTps()
          + " kurang rawan, " + p.rawanTps() + " rawan, " + p.sangatRawanTps() + " sangat rawan → polisi "
          + p.police() + ", Linmas " + p.linmas());
    }
    return cut(text);
  }

  private static void line(StringBuilder text, String line) {
    text.append(text.isEmpty() ? "" : "\n").append(line);
  }

  private static String cut(StringBuilder text) {
    if (text.length() <= MAX_TEXT) {
      return text.toString();
    }
    String note = "\n… (selengkapnya di GET /api/security)";
    return text.substring(0, text.lastIndexOf("\n", MAX_TEXT - note.length())) + note;
  }
}
