package id.siaga.threat;

import java.util.Arrays;
import java.util.Optional;

/**
 * The threats (ATHG: ancaman, tantangan, hambatan, gangguan) that Rakor after Rakor lists, shared by
 * the agencies' readiness reports to a Rakor and the early-warning reports (laporan kerawanan): one
 * list, so that a threat reported to a Rakor and one reported in the field are counted alike. The
 * routing table of the early-warning reports ({@code report-routing.dmn}) has a row for each.
 */
public enum ThreatCategory {
  POLITIK_UANG("Politik uang"),
  NETRALITAS_ASN_TNI_POLRI("Netralitas ASN, TNI dan Polri"),
  HOAKS("Hoaks, disinformasi dan konten SARA"),
  MOBILISASI_MASSA("Mobilisasi massa"),
  BENTROKAN("Bentrokan antarpendukung"),
  /** A kecamatan rawan in a patrol's situation report, and any other disturbance of order. */
  GANGGUAN_KEAMANAN("Gangguan keamanan dan ketertiban"),
  GANGGUAN_POSKO("Gangguan terhadap posko atau alat peraga pasangan calon"),
  KEAMANAN_LOGISTIK("Keamanan logistik"),
  KELOMPOK_RADIKAL("Kelompok radikal"),
  POLARISASI("Polarisasi masyarakat"),
  SISA_SURAT_SUARA("Penyalahgunaan sisa surat suara"),
  PELANGGARAN_ADMINISTRASI("Pelanggaran administrasi pemilihan"),
  SARANA_FASILITAS("Sarana dan fasilitas pemilihan"),
  LAINNYA("Lainnya");

  private final String label;

  ThreatCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ThreatCategory> of(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
