package id.siaga.logistics;

/** Which way a leg of the logistics distribution runs. */
public enum LegDirection {
  /** From the KPU warehouse through the PPK to every TPS, before voting. */
  OUTBOUND("Distribusi logistik ke TPS"),
  /** Sealed boxes, result forms and unused ballots back from every TPS to the warehouse, after voting. */
  RETURN("Pengembalian logistik dari TPS");

  private final String title;

  LegDirection(String title) {
    this.title = title;
  }

  /** What the leg is called in Tasklist and in the mails (Bahasa Indonesia). */
  public String title() {
    return title;
  }
}
