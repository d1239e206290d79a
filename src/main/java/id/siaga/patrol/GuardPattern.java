package id.siaga.patrol;

/**
 * A TPS guard pattern "a-b-c" of voting day: {@code a} police officers guard a group of {@code b}
 * TPS, with {@code c} Linmas. The patterns per tier come from {@code tps-guard-patterns.dmn}
 * (2024: 2-8-16 kurang rawan, 2-2-4 rawan, 2-1-2 sangat rawan).
 *
 * @param policePerGroup a, police officers per group (≥ 0)
 * @param tpsPerGroup b, TPS per group (≥ 1)
 * @param linmasPerGroup c, Linmas per group (≥ 0)
 */
public record GuardPattern(int policePerGroup, int tpsPerGroup, int linmasPerGroup) {

  public GuardPattern {
    if (policePerGroup < 0 || linmasPerGroup < 0) {
      throw new IllegalArgumentException("A guard pattern needs no negative personnel: " + policePerGroup + "-"
          + tpsPerGroup + "-" + linmasPerGroup);
    }
    if (tpsPerGroup < 1) {
      throw new IllegalArgumentException("A guard pattern guards at least one TPS per group: " + policePerGroup
          + "-" + tpsPerGroup + "-" + linmasPerGroup);
    }
  }

  /** Police for {@code tps} TPS of this pattern's tier: a × ⌈tps / b⌉ (a group is never shared across tiers). */
  public int policeFor(int tps) {
    requireCount(tps);
    long groups = ((long) tps + tpsPerGroup - 1) / tpsPerGroup;
    return Math.toIntExact(policePerGroup * groups);
  }

  /** Linmas for {@code tps} TPS of this pattern's tier: ⌈tps × c / b⌉, rounded up so that no TPS is short. */
  public int linmasFor(int tps) {
    requireCount(tps);
    long product = (long) tps * linmasPerGroup;
    return Math.toIntExact((product + tpsPerGroup - 1) / tpsPerGroup);
  }

  /** "2-8-16". */
  @Override
  public String toString() {
    return policePerGroup + "-" + tpsPerGroup + "-" + linmasPerGroup;
  }

  private static void requireCount(int tps) {
    if (tps < 0) {
      throw new IllegalArgumentException("A TPS count cannot be negative: " + tps);
    }
  }
}
