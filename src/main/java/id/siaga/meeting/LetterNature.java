package id.siaga.meeting;

/** The nature (sifat) of an official letter, as Indonesian government letters state it. */
public enum LetterNature {
  BIASA("Biasa"),
  PENTING("Penting"),
  SEGERA("Segera"),
  SANGAT_SEGERA("Sangat segera");

  private final String label;

  LetterNature(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
