package id.siaga.logistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The checks on counted quantities, each problem said in Bahasa Indonesia with the item's name.
 * Plain rules: the adapter reads the form, these decide.
 */
public final class Quantities {

  private Quantities() {}

  /** What a receipt counted of one item: received in good order, and damaged. */
  public record Count(int received, int damaged) {}

  /**
   * A receipt against what was sent: received + damaged may not exceed it.
   *
   * @return the shortfall per item (sent − received), items without one left out
   */
  public static Map<LogisticsItem, Integer> shortfall(Map<LogisticsItem, Integer> sent,
      Map<LogisticsItem, Count> counted, Consumer<String> problems) {
    Map<LogisticsItem, Integer> shortfall = new EnumMap<>(LogisticsItem.class);
    sent.forEach((item, quantity) -> {
      Count count = counted.get(item);
      if (count == null) {
        return; // the reader reported the missing field
      }
      if (count.received() + count.damaged() > quantity) {
        problems.accept(item.label() + ": diterima " + count.received() + " dan rusak " + count.damaged()
            + " melebihi yang dikirim (" + quantity + ")");
      } else if (count.received() < quantity) {
        shortfall.put(item, quantity - count.received());
      }
    });
    return shortfall;
  }

  /** A replacement closes a request only when it replaces exactly what was asked for. */
  public static void replacementCloses(Map<LogisticsItem, Integer> requested, Map<LogisticsItem, Integer> replaced,
      Consumer<String> problems) {
    requested.forEach((item, quantity) -> {
      Integer sent = replaced.get(item);
      if (sent != null && sent != quantity) {
        problems.accept(item.label() + ": pengganti " + sent + " tidak sama dengan yang rusak (" + quantity
            + "); permintaan penggantian ditutup bila semuanya diganti");
      }
    });
  }

  /** Destroyed damaged ballots must be every damaged ballot recorded for the type. */
  public static void destructionMatches(Map<LogisticsItem, Integer> damagedRecorded,
      Map<LogisticsItem, Integer> destroyed, Consumer<String> problems) {
    damagedRecorded.forEach((item, damaged) -> {
      Integer count = destroyed.get(item);
      if (count != null && count != damaged) {
        problems.accept(item.label() + ": dimusnahkan " + count + " lembar rusak, tercatat rusak " + damaged);
      }
    });
  }

  /**
   * The TPS number of a kecamatan's total on the return leg: the PPK adds up its TPS's result forms
   * (Tasklist cannot hold a row per TPS; docs/architecture.md), and names the TPS that do not
   * reconcile.
   */
  public static final int KECAMATAN_TOTAL = 0;

  /** A count of one ballot type on the return leg: one TPS's, or a kecamatan's total ({@link #KECAMATAN_TOTAL}). */
  public record TpsCount(int tps, LogisticsItem item, int received, int used, int unused, int damaged) {

    /** used + unused + damaged − received: 0 when the TPS reconciles. */
    public int difference() {
      return used + unused + damaged - received;
    }
  }

  /** The TPS counts whose used + unused + damaged differ from received. */
  public static List<TpsCount> unreconciled(List<TpsCount> counts) {
    List<TpsCount> differing = new ArrayList<>();
    for (TpsCount count : counts) {
      if (count.difference() != 0) {
        differing.add(count);
      }
    }
    return differing;
  }

  /** How a difference reads in a finding: "TPS 3, surat suara gubernur: 240 + 10 + 2 = 252, diterima 250 (selisih +2)". */
  public static String describe(TpsCount count) {
    int difference = count.difference();
    return (count.tps() == KECAMATAN_TOTAL ? "Jumlah kecamatan" : "TPS " + count.tps()) + ", " + count.item().label().toLowerCase(java.util.Locale.ROOT) + ": digunakan "
        + count.used() + " + sisa " + count.unused() + " + rusak " + count.damaged() + " = "
        + (count.used() + count.unused() + count.damaged()) + ", diterima " + count.received() + " (selisih "
        + (difference > 0 ? "+" : "") + difference + ")";
  }
}
