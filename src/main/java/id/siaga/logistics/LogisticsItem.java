package id.siaga.logistics;

import java.util.List;

/**
 * The materials a kecamatan receives, counted per item. Ballots come in one type per race the
 * region holds (the governor race of its province, the regent/mayor race of the regency or city);
 * the other materials follow per-TPS norms ({@link Allocation}).
 */
public enum LogisticsItem {
  BALLOT_PROVINCE("ballotProvince", "Surat suara gubernur"),
  BALLOT_LOCAL("ballotLocal", "Surat suara bupati/wali kota"),
  BALLOT_BOX("ballotBox", "Kotak suara"),
  VOTING_BOOTH("votingBooth", "Bilik suara"),
  INK("ink", "Tinta (botol)"),
  SEAL("seal", "Segel"),
  FORM_SET("formSet", "Set formulir dan sampul");

  private final String fieldPrefix;
  private final String label;

  LogisticsItem(String fieldPrefix, String label) {
    this.fieldPrefix = fieldPrefix;
    this.label = label;
  }

  /** How the item's form fields begin: {@code ballotProvinceReceived}, {@code inkDamaged}. */
  public String field(String suffix) {
    return fieldPrefix + suffix;
  }

  public String label() {
    return label;
  }

  public boolean ballot() {
    return this == BALLOT_PROVINCE || this == BALLOT_LOCAL;
  }

  public static List<LogisticsItem> ballots() {
    return List.of(BALLOT_PROVINCE, BALLOT_LOCAL);
  }
}
