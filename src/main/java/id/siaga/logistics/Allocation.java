package id.siaga.logistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a kecamatan is allocated, computed from its figures: for each ballot type of the region's
 * races, the voters of each TPS plus a 2.5 % reserve of that TPS (rounded up); the other materials
 * by per-TPS norms. The figures name TPS and voters per kecamatan, not per TPS, so the voters are
 * spread evenly over its TPS (the first {@code voters mod tps} TPS get one more) before the reserve
 * is added per TPS. Plain rules (docs/processes/logistics-distribution.md, "Allocation").
 */
public final class Allocation {

  /** The reserve per TPS, in thousandths of its voters: 2.5 %. */
  static final int RESERVE_PER_MILLE = 25;
  /** Voting booths per TPS (KPU, Pemilu 2024: 3,280,644 booths for 820,161 TPS). */
  static final int BOOTHS_PER_TPS = 4;
  /** Ink bottles per TPS (KPU, Pemilu 2024: 1,640,322 bottles for 820,161 TPS). */
  static final int INK_PER_TPS = 2;
  /** Seals per ballot box (KPU, Pemilu 2024: 93,850,362 seals for 820,161 TPS of 5 boxes, about 23). */
  static final int SEALS_PER_BOX = 23;

  private Allocation() {}

  /** The ballot types of a regency or city: the races it votes in. */
  public static List<LogisticsItem> ballotTypes(boolean provinceRace, boolean localRace) {
    List<LogisticsItem> types = new ArrayList<>();
    if (provinceRace) {
      types.add(LogisticsItem.BALLOT_PROVINCE);
    }
    if (localRace) {
      types.add(LogisticsItem.BALLOT_LOCAL);
    }
    return types;
  }

  /** Ballots for {@code voters} spread over {@code tps} polling stations, each with its reserve. */
  public static int ballots(int tps, int voters) {
    if (tps <= 0) {
      return 0;
    }
    int base = voters / tps;
    int withOneMore = voters % tps;
    return withOneMore * withReserve(base + 1) + (tps - withOneMore) * withReserve(base);
  }

  static int withReserve(int votersOfTps) {
    return votersOfTps + (votersOfTps * RESERVE_PER_MILLE + 999) / 1000;
  }

  /** Every item a kecamatan is allocated, in item order. */
  public static Map<LogisticsItem, Integer> of(KecamatanFigures figures, List<LogisticsItem> ballotTypes) {
    Map<LogisticsItem, Integer> items = new EnumMap<>(LogisticsItem.class);
    int tps = figures.tpsCount();
    int races = ballotTypes.size();
    for (LogisticsItem ballot : ballotTypes) {
      items.put(ballot, ballots(tps, figures.voters()));
    }
    items.put(LogisticsItem.BALLOT_BOX, tps * races);
    items.put(LogisticsItem.VOTING_BOOTH, tps * BOOTHS_PER_TPS);
    items.put(LogisticsItem.INK, tps * INK_PER_TPS);
    items.put(LogisticsItem.SEAL, tps * races * SEALS_PER_BOX);
    items.put(LogisticsItem.FORM_SET, tps * races);
    return items;
  }
}
