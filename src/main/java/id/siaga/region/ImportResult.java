package id.siaga.region;

/** What a national import changed. A repeated import of the same files reports zero changes. */
public record ImportResult(
    long provinces,
    long regencies,
    long districts,
    long regionsWithRace,
    int inserted,
    int updated,
    int unchanged,
    int agencyChanges) {

  public boolean changedNothing() {
    return inserted == 0 && updated == 0 && agencyChanges == 0;
  }
}
