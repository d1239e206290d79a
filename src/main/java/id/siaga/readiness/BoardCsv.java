package id.siaga.readiness;

import java.time.Instant;
import java.util.List;

/**
 * The board's CSV exports: the matrix, a region's open tasks and its audit trail, each with the same
 * fields as the JSON under {@code /api/readiness/...}. Plain rules.
 */
final class BoardCsv {

  private BoardCsv() {}

  /** One line per region, one column per stage, the state's label in each. */
  static String matrix(ReadinessBoard.Matrix m) {
    StringBuilder csv = new StringBuilder("kode_wilayah,nama_wilayah,tingkat");
    m.stages().forEach(stage -> csv.append(',').append(stage));
    csv.append('\n');
    for (ReadinessBoard.Row row : m.rows()) {
      csv.append(row.regionCode()).append(',').append(quote(row.regionName())).append(',').append(row.level());
      m.stages().forEach(stage -> csv.append(',').append(row.cells().get(stage).state().label()));
      csv.append('\n');
    }
    return csv.toString();
  }

  /** One line per open task, overdue first (the order of the page). */
  static String tasks(List<RegionBoard.OpenTask> tasks) {
    StringBuilder csv = new StringBuilder("id_tugas,tugas,alur_kerja,tahapan,kelompok,instansi,pengambil,"
        + "tenggat_utc,tenggat_setempat,terlambat,tingkat_eskalasi,dibuat_utc,id_proses\n");
    for (RegionBoard.OpenTask t : tasks) {
      line(csv, t.taskId(), t.name(), t.workstream(), t.stageCode(), String.join(";", t.groups()),
          String.join(";", t.agencies()), t.assignee(), utc(t.due()), t.dueLocal(), t.overdue() ? "ya" : "tidak",
          String.valueOf(t.escalationLevel()), utc(t.created()), t.processInstanceId());
    }
    return csv.toString();
  }

  /** One line per entry of the trail, oldest first. */
  static String audit(List<RegionAudit.Entry> entries) {
    StringBuilder csv = new StringBuilder("waktu_utc,waktu_setempat,pelaku,tindakan,alur_kerja,pokok,tahapan,"
        + "id_proses,id_tugas\n");
    for (RegionAudit.Entry e : entries) {
      line(csv, utc(e.at()), e.atLocal(), e.actor(), e.action(), e.workstream(), e.subject(), e.stageCode(),
          e.processInstanceId(), e.taskId());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      csv.append(i == 0 ? "" : ",").append(quote(fields[i]));
    }
    csv.append('\n');
  }

  private static String utc(Instant at) {
    return at == null ? "" : at.toString();
  }

  /** A field quoted when it holds a comma, a quote or a line break; a leading formula sign is neutralised. */
  static String quote(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
