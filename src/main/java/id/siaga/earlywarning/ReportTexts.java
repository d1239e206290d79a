package id.siaga.earlywarning;

import id.siaga.threat.ThreatCategory;
import java.util.Map;

/** What the report's tasks and mails say. Plain rules. */
final class ReportTexts {

  private ReportTexts() {}

  /** The report as every agency that handles it sees it: no word of who reported. */
  static String summary(String reportId, ThreatCategory category, Severity severity, String districtName,
      String observed, String description) {
    return reportId + "\nKategori: " + category.label() + "\nTingkat: " + severity.label() + "\nKecamatan: "
        + districtName + "\nWaktu kejadian: " + observed + "\n\n" + description;
  }

  /** The routing table's suggestion, for triage. */
  static String suggestion(ThreatCategory category, Map<String, Object> row, String agencyName) {
    StringBuilder text = new StringBuilder("Menurut tabel rute untuk " + category.label() + ": " + routeLabel(
        (String) row.get("route")) + ", ditangani " + agencyName + ", tenggat " + dueLabel((String) row.get("handleDue")));
    String inform = (String) row.get("informAgencies");
    if (inform != null && !inform.isBlank()) {
      text.append("; diberi tahu: ").append(inform);
    }
    if (Boolean.TRUE.equals(row.get("informNational"))) {
      text.append("; provinsi dan desk nasional diberi tahu");
    } else if (Boolean.TRUE.equals(row.get("informProvince"))) {
      text.append("; provinsi diberi tahu");
    }
    return text.toString();
  }

  /** Who reported, for triage only. */
  static String identity(Report report, String agencyName) {
    return "Diajukan oleh " + report.filedBy() + " (" + agencyName + ")"
        + (report.onBehalfOf() == null ? "" : " atas nama " + report.onBehalfOf().label())
        + "\nKontak pelapor: " + (report.reporterContact() == null ? "-" : report.reporterContact());
  }

  /** A due rule of the table as people say it: "+48j" is 48 jam, "+3" 3 hari, "+14hk" 14 hari kerja. */
  static String dueLabel(String rule) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\+(\\d+)(hk|j)?").matcher(rule == null ? "" : rule);
    if (!m.matches()) {
      return rule;
    }
    String unit = m.group(2) == null ? "hari" : "hk".equals(m.group(2)) ? "hari kerja" : "jam";
    return m.group(1) + " " + unit;
  }

  static String routeLabel(String route) {
    return switch (route == null ? "" : route) {
      case "PIDANA_PEMILIHAN" -> "dugaan tindak pidana pemilihan (informasi awal ke Bawaslu, Sentra Gakkumdu)";
      case "NETRALITAS" -> "netralitas ASN, TNI dan Polri (rekomendasi Bawaslu, sanksi dicatat)";
      case "ADMINISTRASI" -> "pelanggaran administrasi (Bawaslu)";
      case "KEAMANAN" -> "gangguan keamanan (Polres, Kodim diberi tahu)";
      case "LOGISTIK" -> "logistik (KPU)";
      case "FASILITAS" -> "sarana dan fasilitas (pemerintah daerah)";
      default -> route;
    };
  }

  /** The region's reports for the stage declaration: open by severity, closed in the last 30 days. */
  static String counts(Map<Severity, Integer> open, int closedRecently) {
    int total = open.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder text = new StringBuilder("Laporan kerawanan: " + total + " terbuka");
    if (total > 0) {
      StringBuilder parts = new StringBuilder();
      for (Severity severity : new Severity[] {Severity.DARURAT, Severity.TINGGI, Severity.SEDANG, Severity.RENDAH}) {
        int n = open.getOrDefault(severity, 0);
        if (n > 0) {
          parts.append(parts.length() == 0 ? "" : ", ").append(n).append(' ').append(severity.label().toLowerCase());
        }
      }
      text.append(" (").append(parts).append(')');
    }
    return text.append("; ").append(closedRecently).append(" selesai dalam 30 hari terakhir").toString();
  }

  /** Where a closed report ended, for the reporter. */
  static String closing(Report report) {
    return switch (report.status()) {
      case Report.DIGABUNG -> "digabung dengan laporan " + report.mergedInto();
      case Report.DITOLAK -> "ditolak: " + report.rejectionReason();
      case Report.SELESAI -> report.outcome().label() + ": " + report.outcomeNotes()
          + (report.sanction() == null ? "" : "\nRekomendasi dan sanksi: " + report.sanction());
      default -> report.status();
    };
  }
}
