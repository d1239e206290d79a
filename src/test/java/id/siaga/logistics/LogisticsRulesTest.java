package id.siaga.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.calendar.Election;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain rules of the logistics process: allocation, counted quantities, which election a leg serves. */
class LogisticsRulesTest {

  @Test
  void ballotsAreTheVotersOfEachTpsPlusTwoAndAHalfPercentRoundedUpPerTps() {
    assertThat(Allocation.withReserve(400)).isEqualTo(410);
    assertThat(Allocation.withReserve(401)).isEqualTo(412);  // 10.025 → 11
    assertThat(Allocation.withReserve(0)).isZero();
    // 1,001 voters over 2 TPS: 501 + 13 and 500 + 13
    assertThat(Allocation.ballots(2, 1001)).isEqualTo(514 + 513);
    assertThat(Allocation.ballots(0, 0)).isZero();
    // rounding per TPS gives more than rounding the total: 10 TPS of 41 voters, 2 reserve each
    assertThat(Allocation.ballots(10, 410)).isEqualTo(430).isGreaterThan(410 + 11);
  }

  @Test
  void aKecamatanGetsOneBallotTypePerRaceAndMaterialsByTpsNorms() {
    KecamatanFigures figures = new KecamatanFigures("73.73.01", 20, 8000, false, TransportMode.DARAT, "IMPORT");
    Map<LogisticsItem, Integer> both = Allocation.of(figures, Allocation.ballotTypes(true, true));
    assertThat(both).containsEntry(LogisticsItem.BALLOT_PROVINCE, 8200).containsEntry(LogisticsItem.BALLOT_LOCAL, 8200)
        .containsEntry(LogisticsItem.BALLOT_BOX, 40).containsEntry(LogisticsItem.VOTING_BOOTH, 80)
        .containsEntry(LogisticsItem.INK, 40).containsEntry(LogisticsItem.SEAL, 920).containsEntry(LogisticsItem.FORM_SET, 40);
    Map<LogisticsItem, Integer> localOnly = Allocation.of(figures, Allocation.ballotTypes(false, true));
    assertThat(localOnly).doesNotContainKey(LogisticsItem.BALLOT_PROVINCE).containsEntry(LogisticsItem.BALLOT_BOX, 20)
        .containsEntry(LogisticsItem.SEAL, 460);
  }

  @Test
  void aReceiptMayNotCountMoreThanWasSentAndWhatIsMissingOrDamagedIsTheShortfall() {
    List<String> problems = new ArrayList<>();
    Map<LogisticsItem, Integer> shortfall = Quantities.shortfall(
        Map.of(LogisticsItem.BALLOT_LOCAL, 100, LogisticsItem.INK, 4, LogisticsItem.SEAL, 10),
        Map.of(LogisticsItem.BALLOT_LOCAL, new Quantities.Count(95, 3), LogisticsItem.INK, new Quantities.Count(4, 1),
            LogisticsItem.SEAL, new Quantities.Count(10, 0)), problems::add);
    assertThat(shortfall).containsExactlyEntriesOf(Map.of(LogisticsItem.BALLOT_LOCAL, 5));
    assertThat(problems).containsExactly("Tinta (botol): diterima 4 dan rusak 1 melebihi yang dikirim (4)");
  }

  @Test
  void aReplacementClosesTheRequestOnlyWhenExactAndDestructionCoversEveryDamagedBallot() {
    List<String> problems = new ArrayList<>();
    Quantities.replacementCloses(Map.of(LogisticsItem.BALLOT_PROVINCE, 7), Map.of(LogisticsItem.BALLOT_PROVINCE, 7),
        problems::add);
    assertThat(problems).isEmpty();
    Quantities.replacementCloses(Map.of(LogisticsItem.BALLOT_PROVINCE, 7), Map.of(LogisticsItem.BALLOT_PROVINCE, 8),
        problems::add);
    assertThat(problems).singleElement().asString().contains("pengganti 8 tidak sama dengan yang rusak (7)");
    problems.clear();
    Quantities.destructionMatches(Map.of(LogisticsItem.BALLOT_LOCAL, 3), Map.of(LogisticsItem.BALLOT_LOCAL, 3), problems::add);
    assertThat(problems).isEmpty();
    Quantities.destructionMatches(Map.of(LogisticsItem.BALLOT_LOCAL, 3), Map.of(LogisticsItem.BALLOT_LOCAL, 0), problems::add);
    assertThat(problems).containsExactly("Surat suara bupati/wali kota: dimusnahkan 0 lembar rusak, tercatat rusak 3");
  }

  @Test
  void everyTpsReconcilesWhenUsedUnusedAndDamagedMakeWhatItReceived() {
    Quantities.TpsCount ok = new Quantities.TpsCount(1, LogisticsItem.BALLOT_LOCAL, 410, 380, 28, 2);
    Quantities.TpsCount missing = new Quantities.TpsCount(3, LogisticsItem.BALLOT_LOCAL, 410, 380, 25, 2);
    Quantities.TpsCount extra = new Quantities.TpsCount(4, LogisticsItem.BALLOT_PROVINCE, 410, 390, 25, 0);
    assertThat(Quantities.unreconciled(List.of(ok, missing, extra))).containsExactly(missing, extra);
    assertThat(Quantities.describe(missing)).isEqualTo("TPS 3, surat suara bupati/wali kota: digunakan 380 + sisa 25"
        + " + rusak 2 = 407, diterima 410 (selisih -3)");
    assertThat(Quantities.describe(extra)).endsWith("(selisih +5)");
  }

  @Test
  void theOutboundLegServesTheNextElectionAndTheReturnTheLastOneVoted() {
    Election past = new Election("a", "A", "pilkada-2024", LocalDate.of(2024, 11, 27), false);
    Election next = new Election("b", "B", "pilkada-2024", LocalDate.of(2027, 3, 17), true);
    Election later = new Election("c", "C", "pilkada-2024", LocalDate.of(2029, 11, 28), true);
    List<Election> all = List.of(later, past, next);
    LocalDate today = LocalDate.of(2027, 2, 1);
    assertThat(LegStart.electionFor(LegDirection.OUTBOUND, all, today)).contains(next);
    assertThat(LegStart.electionFor(LegDirection.RETURN, all, today)).contains(past);
    assertThat(LegStart.electionFor(LegDirection.RETURN, all, LocalDate.of(2027, 3, 17))).contains(next);
    assertThat(LegStart.electionFor(LegDirection.OUTBOUND, List.of(past), today)).isEmpty();

    List<String> problems = new ArrayList<>();
    LegStart.checkTiming(LegDirection.OUTBOUND, next.votingDay(), LocalDate.of(2027, 3, 16), problems::add);
    LegStart.checkTiming(LegDirection.RETURN, next.votingDay(), LocalDate.of(2027, 3, 17), problems::add);
    assertThat(problems).isEmpty();
    LegStart.checkTiming(LegDirection.OUTBOUND, next.votingDay(), LocalDate.of(2027, 3, 17), problems::add);
    LegStart.checkTiming(LegDirection.RETURN, next.votingDay(), LocalDate.of(2027, 3, 16), problems::add);
    assertThat(problems).hasSize(2);
  }
}
