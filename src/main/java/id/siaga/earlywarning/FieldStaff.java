package id.siaga.earlywarning;

import id.siaga.agency.AgencyType;

/** The field staff an officer may file a report for, and the agency they report through. */
public enum FieldStaff {
  BABINSA("Babinsa", AgencyType.TNI),
  BHABINKAMTIBMAS("Bhabinkamtibmas", AgencyType.POLRI),
  PANWASCAM("Panwascam", AgencyType.BAWASLU),
  CAMAT("Camat", AgencyType.PEMDA);

  private final String label;
  private final AgencyType agency;

  FieldStaff(String label, AgencyType agency) {
    this.label = label;
    this.agency = agency;
  }

  public String label() {
    return label;
  }

  /** The agency whose officers file for this field staff: Babinsa through Kodim, and so on. */
  public AgencyType agency() {
    return agency;
  }
}
