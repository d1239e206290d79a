package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guard-plan arithmetic, on examples worked by hand (docs/processes/tps-guard-patterns.md). */
class GuardPlanTest {

  // the 2024 rows of tps-guard-patterns.dmn
  static final GuardPattern KURANG_RAWAN = new GuardPattern(2, 8, 16);
  static final GuardPattern RAWAN = new GuardPattern(2, 2, 4);
  static final GuardPattern SANGAT_RAWAN = new GuardPattern(2, 1, 2);

  static GuardPlan plan2024(int kurangRawan, int rawan, int sangatRawan) {
    return GuardPlan.of(kurangRawan, rawan, sangatRawan, KURANG_RAWAN, RAWAN, SANGAT_RAWAN);
  }

  @Test
  void tenKurangRawanTps() {
    GuardPlan plan = plan2024(10, 0, 0);

    assertThat(plan.police()).as("2 × ⌈10/8⌉ = 2 × 2").isEqualTo(4);
    assertThat(plan.linmas()).as("10 × 16 / 8").isEqualTo(20);
    assertThat(plan.tps()).isEqualTo(10);
  }

  @Test
  void aFullGroupNeedsNoRounding() {
    assertThat(plan2024(8, 0, 0).police()).as("2 × ⌈8/8⌉").isEqualTo(2);
    assertThat(plan2024(9, 0, 0).police()).as("2 × ⌈9/8⌉: one TPS more starts a group").isEqualTo(4);
  }

  @Test
  void mixedTiers() {
    GuardPlan plan = plan2024(20, 5, 3);

    // police: 2 × ⌈20/8⌉ + 2 × ⌈5/2⌉ + 2 × ⌈3/1⌉ = 6 + 6 + 6
    assertThat(plan.police()).isEqualTo(18);
    // Linmas: 20 × 16/8 + 5 × 4/2 + 3 × 2/1 = 40 + 10 + 6
    assertThat(plan.linmas()).isEqualTo(56);
    assertThat(plan.tps()).isEqualTo(28);
    assertThat(plan).hasToString("GuardPlan[TPS 20/5/3, police 18, Linmas 56]");
  }

  @Test
  void eachTierAlone() {
    assertThat(plan2024(0, 7, 0).police()).as("2 × ⌈7/2⌉").isEqualTo(8);
    assertThat(plan2024(0, 7, 0).linmas()).as("7 × 4/2").isEqualTo(14);
    assertThat(plan2024(0, 0, 4).police()).as("2 × 4").isEqualTo(8);
    assertThat(plan2024(0, 0, 4).linmas()).as("4 × 2/1").isEqualTo(8);
  }

  @Test
  void noTpsNeedsNobody() {
    GuardPlan plan = plan2024(0, 0, 0);

    assertThat(plan.police()).isZero();
    assertThat(plan.linmas()).isZero();
    assertThat(plan.policeShortfall(0)).isZero();
    assertThat(plan.linmasShortfall(0)).isZero();
  }

  @Test
  void linmasAreRoundedUpPerTier() {
    GuardPattern odd = new GuardPattern(2, 3, 4);

    assertThat(odd.linmasFor(4)).as("⌈4 × 4 / 3⌉ = ⌈5.33⌉").isEqualTo(6);
    assertThat(odd.linmasFor(3)).as("3 × 4 / 3, exact").isEqualTo(4);
    // one TPS in each of two tiers: ⌈4/3⌉ + ⌈4/3⌉ = 4, not ⌈8/3⌉ = 3
    assertThat(GuardPlan.of(1, 1, 0, odd, odd, SANGAT_RAWAN).linmas()).isEqualTo(4);
  }

  @Test
  void jakartaBaratUnder2_16_32MatchesWhatPolresAnnounced() {
    // Polres Metro Jakarta Barat, Pemilu 2024: 7,169 TPS, all kurang rawan, pattern 2-16-32,
    // "about 900 police and more than 14,000 Linmas" (Antara, cited in the docs)
    GuardPlan plan = GuardPlan.of(7169, 0, 0, new GuardPattern(2, 16, 32), RAWAN, SANGAT_RAWAN);

    assertThat(plan.police()).as("2 × ⌈7169/16⌉ = 2 × 449").isEqualTo(898);
    assertThat(plan.linmas()).as("7169 × 32/16").isEqualTo(14338);
  }

  @Test
  void shortfallAgainstDeclaredPersonnel() {
    GuardPlan plan = plan2024(20, 5, 3); // 18 police, 56 Linmas

    assertThat(plan.policeShortfall(10)).isEqualTo(8);
    assertThat(plan.policeShortfall(18)).isZero();
    assertThat(plan.policeShortfall(25)).as("a surplus is no negative shortfall").isZero();
    assertThat(plan.linmasShortfall(50)).isEqualTo(6);
    assertThat(plan.linmasShortfall(56)).isZero();
  }

  @Test
  void negativeFiguresAreRefused() {
    assertThatThrownBy(() -> plan2024(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The number of kurang rawan TPS cannot be negative: -1");
    assertThatThrownBy(() -> plan2024(0, 0, -3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The number of sangat rawan TPS cannot be negative: -3");
    assertThatThrownBy(() -> plan2024(1, 0, 0).policeShortfall(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The police available cannot be negative: -1");
    assertThatThrownBy(() -> plan2024(1, 0, 0).linmasShortfall(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The Linmas available cannot be negative: -1");
  }

  @Test
  void hugeCountsDoNotOverflowSilently() {
    assertThatThrownBy(() -> GuardPlan.of(Integer.MAX_VALUE, 0, 0, new GuardPattern(2, 1, 2), RAWAN, SANGAT_RAWAN))
        .isInstanceOf(ArithmeticException.class);
  }
}
