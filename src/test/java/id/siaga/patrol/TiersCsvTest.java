package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The TPS tier file is checked whole, every problem named with its line, the tiers against KPU's TPS counts. */
class TiersCsvTest {

  static final Set<String> MAHULU = Set.of("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05");
  /** KPU's TPS counts; 64.11.05 has none yet. */
  static final Map<String, Integer> TPS = Map.of("64.11.01", 20, "64.11.02", 11, "64.11.03", 24, "64.11.04", 35);
  static final String HEADER = "kode_kecamatan,tps_kurang_rawan,tps_rawan,tps_sangat_rawan\n";

  @Test
  void aGoodFileIsRead() {
    List<TpsTiers> rows = TiersCsv.read("\uFEFF" + HEADER + "64.11.01,18,2,0\n" + " 64.11.04 , 31 , 3 , 1 \n\n",
        MAHULU, TPS, TpsTiers.IMPORTED);

    assertThat(rows).containsExactly(new TpsTiers("64.11.01", 18, 2, 0, "IMPORT"),
        new TpsTiers("64.11.04", 31, 3, 1, "IMPORT"));
    assertThat(rows.get(1).total()).isEqualTo(35);
  }

  @Test
  void everyProblemIsNamedWithItsLineAndTheWholeFileIsRejected() {
    String file = HEADER
        + "64.11.01,18,2,0\n"        // line 2: fine
        + "73.73.01,30,5,1\n"        // line 3: another region's kecamatan
        + "64.11.02,12,-1,0\n"       // line 4: negative
        + "64.11.01,18,2,0\n"        // line 5: duplicate of line 2
        + "64.11.03,abc,1.5,0\n"     // line 6: not whole numbers
        + "64.11.04,30,3,1\n"        // line 7: 34, KPU says 35
        + "64.11.05,12,3,0\n"        // line 8: KPU has not imported its TPS count
        + "64.11.04,2\n";            // line 9: too few columns

    assertThatThrownBy(() -> TiersCsv.read(file, MAHULU, TPS, TpsTiers.IMPORTED))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems()).containsExactly(
            "baris 3: kode kecamatan '73.73.01' bukan kecamatan wilayah ini",
            "baris 4: tps_rawan tidak boleh negatif (-1)",
            "baris 5: kecamatan 64.11.01 sudah ada di baris 2",
            "baris 6: tps_kurang_rawan harus bilangan bulat, bukan 'abc'",
            "baris 6: tps_rawan harus bilangan bulat, bukan '1.5'",
            "baris 7: jumlah TPS per tingkat 30 + 3 + 1 = 34 tidak sama dengan jumlah TPS kecamatan menurut KPU (35)",
            "baris 8: jumlah TPS kecamatan belum diimpor KPU (kecamatan 64.11.05)",
            "baris 9: harus 4 kolom, ada 2"));
  }

  @Test
  void tiersAboveTheCountAndHugeNumbersAreRefusedToo() {
    assertThatThrownBy(() -> TiersCsv.read(HEADER + "64.11.02,999999999,999999999,999999999\n", MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems()).containsExactly(
            "baris 2: jumlah TPS per tingkat 999999999 + 999999999 + 999999999 = 2999999997 tidak sama dengan"
                + " jumlah TPS kecamatan menurut KPU (11)"));
    assertThatThrownBy(() -> TiersCsv.read(HEADER + "64.11.02,1,2,99999999999\n", MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems()).containsExactly(
            "baris 2: tps_sangat_rawan harus bilangan bulat, bukan '99999999999'"));
  }

  @Test
  void aWrongHeaderAnEmptyFileAnOversizedFileAndScriptAreRefusedWithoutEchoingMarkup() {
    assertThatThrownBy(() -> TiersCsv.read("kode,rawan\n64.11.01,3\n", MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems())
            .containsExactly("baris 1: kepala kolom harus " + String.join(",", TiersCsv.HEADER)));
    assertThatThrownBy(() -> TiersCsv.read("  ", MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems()).containsExactly("berkas kosong"));
    assertThatThrownBy(() -> TiersCsv.read(HEADER, MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems())
            .containsExactly("berkas tidak memuat satu kecamatan pun"));
    assertThatThrownBy(() -> TiersCsv.read(HEADER + "<script>alert(1)</script>,1,1,1\n", MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems().get(0))
            .contains("?script?alert(1)?/script?").doesNotContain("<"));
    assertThatThrownBy(() -> TiersCsv.read(HEADER + "x".repeat(TiersCsv.MAX_CHARS), MAHULU, TPS, "IMPORT"))
        .isInstanceOfSatisfying(TiersRejectedException.class, e -> assertThat(e.problems())
            .containsExactly("berkas terlalu besar (lebih dari 1000000 karakter)"));
  }

  @Test
  void theShippedDemoTiersAreMarkedKeepTheRulesAndAddUpToTheDemoTpsCountsOfEveryKecamatan() throws Exception {
    String csv = resource(DemoTpsTiers.FILE);
    assertThat(csv.lines().findFirst()).hasValueSatisfying(first -> assertThat(first).startsWith("# DATA DEMO")
        .contains("BUKAN data resmi Polri"));
    // the logistics demo figures, read as a file: the TPS counts the demo tiers are loaded against
    Map<String, Integer> demoTps = new HashMap<>();
    resource("logistics/demo-figures.csv").lines().filter(l -> !l.startsWith("#") && !l.startsWith("kode"))
        .forEach(l -> demoTps.put(l.split(",")[0], Integer.parseInt(l.split(",")[1])));
    Set<String> all = new HashSet<>(MAHULU);
    for (int i = 1; i <= 33; i++) {
      all.add(String.format("35.07.%02d", i));  // Kabupaten Malang
    }
    for (int i = 1; i <= 9; i++) {
      all.add(String.format("73.73.%02d", i));  // Kota Palopo, where the demo users work
    }
    assertThat(demoTps.keySet()).isEqualTo(all);

    List<TpsTiers> rows = TiersCsv.read(String.join("\n", csv.lines().filter(l -> !l.startsWith("#")).toList()),
        all, demoTps, TpsTiers.DEMO);

    assertThat(rows).hasSize(47).allMatch(r -> r.origin().equals("DEMO"));
    assertThat(rows.stream().map(TpsTiers::districtCode)).containsExactlyInAnyOrderElementsOf(all);
    assertThat(DemoTpsTiers.perRegion()).containsOnlyKeys("35.07", "64.11", "73.73");
    for (String region : List.of("35.07", "64.11", "73.73")) {
      List<TpsTiers> mine = rows.stream().filter(r -> r.districtCode().startsWith(region)).toList();
      long all3 = mine.stream().mapToLong(TpsTiers::total).sum();
      long vulnerable = mine.stream().mapToLong(TpsTiers::vulnerable).sum();
      long high = mine.stream().mapToLong(TpsTiers::highlyVulnerable).sum();
      assertThat(high).as("%s: very few sangat rawan, but some", region).isPositive().isLessThan(vulnerable);
      assertThat(vulnerable + high).as("%s: most TPS kurang rawan", region).isLessThan(all3 / 5);
    }
  }

  private String resource(String name) throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
