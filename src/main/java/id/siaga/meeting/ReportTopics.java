package id.siaga.meeting;

import id.siaga.agency.AgencyType;
import java.util.List;

/**
 * What each agency reports before a Rakor, by what it is responsible for (docs/processes/
 * coordination-meeting.md, "Reports that fit each agency"): the police and TNI their personnel and
 * the vulnerable points they secure, KPU its logistics and ad hoc bodies, Bawaslu its supervision
 * and findings, the local government facilities, Linmas and funding, the prosecution its legal
 * support, Kesbangpol its early detection. Every topic is required for its agency. Plain rules.
 */
final class ReportTopics {

  private ReportTopics() {}

  /** One topic: the form's key, its label, its longest answer. */
  record Topic(String key, String label) {
    static final int MAX = 2000;
  }

  static final Topic VULNERABLE_POINTS = new Topic("vulnerablePoints", "Titik rawan dan pengamanannya");
  static final Topic LOGISTICS = new Topic("logisticsStatus", "Kesiapan logistik pemilihan");
  static final Topic AD_HOC_BODIES = new Topic("adHocBodies", "Badan ad hoc (PPK, PPS, KPPS)");
  static final Topic SUPERVISION = new Topic("supervision", "Pengawasan tahapan");
  static final Topic FINDINGS = new Topic("findings", "Temuan dan penanganan pelanggaran");
  static final Topic FACILITIES = new Topic("facilities", "Sarana dan prasarana");
  static final Topic LINMAS = new Topic("linmas", "Linmas yang disiapkan");
  static final Topic FUNDING = new Topic("funding", "Pendanaan (NPHD dan dukungan anggaran)");
  static final Topic LEGAL_SUPPORT = new Topic("legalSupport", "Pendampingan hukum dan Sentra Gakkumdu");
  static final Topic EARLY_DETECTION = new Topic("earlyDetection", "Deteksi dini dan koordinasi Forkopimda");

  static final List<Topic> ALL = List.of(VULNERABLE_POINTS, LOGISTICS, AD_HOC_BODIES, SUPERVISION, FINDINGS,
      FACILITIES, LINMAS, FUNDING, LEGAL_SUPPORT, EARLY_DETECTION);

  static List<Topic> of(AgencyType type) {
    return switch (type) {
      case POLRI, TNI -> List.of(VULNERABLE_POINTS);
      case KPU -> List.of(LOGISTICS, AD_HOC_BODIES);
      case BAWASLU -> List.of(SUPERVISION, FINDINGS);
      case PEMDA -> List.of(FACILITIES, LINMAS, FUNDING);
      case KEJAKSAAN -> List.of(LEGAL_SUPPORT);
      case KESBANGPOL -> List.of(EARLY_DETECTION);
    };
  }

  /** Whether the agency reports the personnel it deploys (the police and TNI). */
  static boolean asksPersonnel(AgencyType type) {
    return type == AgencyType.POLRI || type == AgencyType.TNI;
  }
}
