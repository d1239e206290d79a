package id.siaga.logistics;

/** How the materials mostly travel to a kecamatan, as KPU writes it in the figures file. */
public enum TransportMode {
  DARAT, SUNGAI, LAUT, UDARA;

  /** From the file's word ({@code darat}, {@code sungai}, {@code laut}, {@code udara}); null if unknown. */
  static TransportMode parse(String text) {
    for (TransportMode mode : values()) {
      if (mode.name().equalsIgnoreCase(text.strip())) {
        return mode;
      }
    }
    return null;
  }
}
