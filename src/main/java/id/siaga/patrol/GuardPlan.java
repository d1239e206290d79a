package id.siaga.patrol;

import java.util.Objects;

/**
 * The voting-day guard plan of one kecamatan from its TPS count per tier and the pattern of each
 * tier ({@code tps-guard-patterns.dmn}):
 *
 * <ul>
 *   <li>police = Σ over tiers of a × ⌈TPS in tier / b⌉;
 *   <li>Linmas = Σ over tiers of ⌈TPS in tier × c / b⌉ (rounded up per tier);
 *   <li>a shortfall against the personnel declared available is what is needed minus what is
 *       available, never below 0.
 * </ul>
 *
 * A plain value: no engine, no I/O (docs/processes/tps-guard-patterns.md).
 */
public final class GuardPlan {

  private final int kurangRawanTps;
  private final int rawanTps;
  private final int sangatRawanTps;
  private final int police;
  private final int linmas;

  private GuardPlan(int kurangRawanTps, int rawanTps, int sangatRawanTps, int police, int linmas) {
    this.kurangRawanTps = kurangRawanTps;
    this.rawanTps = rawanTps;
    this.sangatRawanTps = sangatRawanTps;
    this.police = police;
    this.linmas = linmas;
  }

  /**
   * The plan of a kecamatan with these TPS counts per tier, guarded under these patterns.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static GuardPlan of(int kurangRawanTps, int rawanTps, int sangatRawanTps,
      GuardPattern kurangRawan, GuardPattern rawan, GuardPattern sangatRawan) {
    Objects.requireNonNull(kurangRawan, "the kurang rawan pattern");
    Objects.requireNonNull(rawan, "the rawan pattern");
    Objects.requireNonNull(sangatRawan, "the sangat rawan pattern");
    requireCount("kurang rawan", kurangRawanTps);
    requireCount("rawan", rawanTps);
    requireCount("sangat rawan", sangatRawanTps);
    int police = Math.addExact(Math.addExact(kurangRawan.policeFor(kurangRawanTps), rawan.policeFor(rawanTps)),
        sangatRawan.policeFor(sangatRawanTps));
    int linmas = Math.addExact(Math.addExact(kurangRawan.linmasFor(kurangRawanTps), rawan.linmasFor(rawanTps)),
        sangatRawan.linmasFor(sangatRawanTps));
    return new GuardPlan(kurangRawanTps, rawanTps, sangatRawanTps, police, linmas);
  }

  /** Police officers needed at the TPS of the kecamatan. */
  public int police() {
    return police;
  }

  /** Linmas needed at the TPS of the kecamatan. */
  public int linmas() {
    return linmas;
  }

  /** All TPS of the kecamatan, over the three tiers. */
  public int tps() {
    return kurangRawanTps + rawanTps + sangatRawanTps;
  }

  public int kurangRawanTps() {
    return kurangRawanTps;
  }

  public int rawanTps() {
    return rawanTps;
  }

  public int sangatRawanTps() {
    return sangatRawanTps;
  }

  /** Police still missing when Polres declares {@code availablePolice}: 0 when enough are available. */
  public int policeShortfall(int availablePolice) {
    return shortfall("police", police, availablePolice);
  }

  /** Linmas still missing when Pemda declares {@code availableLinmas}: 0 when enough are available. */
  public int linmasShortfall(int availableLinmas) {
    return shortfall("Linmas", linmas, availableLinmas);
  }

  private static int shortfall(String who, int needed, int available) {
    if (available < 0) {
      throw new IllegalArgumentException("The " + who + " available cannot be negative: " + available);
    }
    return Math.max(0, needed - available);
  }

  private static void requireCount(String tier, int tps) {
    if (tps < 0) {
      throw new IllegalArgumentException("The number of " + tier + " TPS cannot be negative: " + tps);
    }
  }

  @Override
  public String toString() {
    return "GuardPlan[TPS " + kurangRawanTps + "/" + rawanTps + "/" + sangatRawanTps + ", police " + police
        + ", Linmas " + linmas + "]";
  }
}
