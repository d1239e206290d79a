package id.siaga.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The figures file is checked whole, every problem named with its line. */
class FiguresCsvTest {

  static final Set<String> MAHULU = Set.of("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05");
  static final String HEADER = "kode_kecamatan,jumlah_tps,jumlah_dpt,terpencil_3t,moda_transportasi\n";

  @Test
  void aGoodFileIsRead() {
    List<KecamatanFigures> rows = FiguresCsv.read("\uFEFF" + HEADER + "64.11.01,30,7000,ya,sungai\n"
        + " 64.11.04 , 12 , 2500 , YA , Udara \n\n", MAHULU, KecamatanFigures.IMPORTED);

    assertThat(rows).containsExactly(
        new KecamatanFigures("64.11.01", 30, 7000, true, TransportMode.SUNGAI, "IMPORT"),
        new KecamatanFigures("64.11.04", 12, 2500, true, TransportMode.UDARA, "IMPORT"));
  }

  @Test
  void everyProblemIsNamedWithItsLineAndTheWholeFileIsRejected() {
    String file = HEADER
        + "64.11.01,30,7000,ya,sungai\n"      // line 2: fine
        + "73.73.01,10,3000,tidak,darat\n"    // line 3: another region's kecamatan
        + "64.11.02,-4,3000,tidak,darat\n"    // line 4: negative
        + "64.11.01,30,7000,ya,sungai\n"      // line 5: duplicate of line 2
        + "64.11.03,10,3000,mungkin,kapal\n"  // line 6: bad flag and mode
        + "64.11.05,abc,1.5,ya,laut\n"        // line 7: not whole numbers
        + "64.11.04,1,3000,ya,laut\n"         // line 8: 3,000 voters at one TPS
        + "64.11.04,2\n";                     // line 9: too few columns

    assertThatThrownBy(() -> FiguresCsv.read(file, MAHULU, KecamatanFigures.IMPORTED))
        .isInstanceOfSatisfying(FiguresRejectedException.class, e -> assertThat(e.problems()).containsExactly(
            "baris 3: kode kecamatan '73.73.01' bukan kecamatan wilayah ini",
            "baris 4: jumlah_tps tidak boleh negatif (-4)",
            "baris 5: kecamatan 64.11.01 sudah ada di baris 2",
            "baris 6: terpencil_3t harus 'ya' atau 'tidak', bukan 'mungkin'",
            "baris 6: moda_transportasi harus darat, sungai, laut atau udara, bukan 'kapal'",
            "baris 7: jumlah_tps harus bilangan bulat, bukan 'abc'",
            "baris 7: jumlah_dpt harus bilangan bulat, bukan '1.5'",
            "baris 8: rata-rata pemilih per TPS melebihi 600",
            "baris 9: harus 5 kolom, ada 2"));
  }

  @Test
  void aWrongHeaderAnEmptyFileAndScriptAreRefusedWithoutEchoingMarkup() {
    assertThatThrownBy(() -> FiguresCsv.read("kode,tps\n64.11.01,3\n", MAHULU, "IMPORT"))
        .isInstanceOfSatisfying(FiguresRejectedException.class, e -> assertThat(e.problems())
            .containsExactly("baris 1: kepala kolom harus " + String.join(",", FiguresCsv.HEADER)));
    assertThatThrownBy(() -> FiguresCsv.read("  ", MAHULU, "IMPORT"))
        .isInstanceOfSatisfying(FiguresRejectedException.class, e -> assertThat(e.problems()).containsExactly("berkas kosong"));
    assertThatThrownBy(() -> FiguresCsv.read(HEADER, MAHULU, "IMPORT"))
        .isInstanceOfSatisfying(FiguresRejectedException.class, e -> assertThat(e.problems())
            .containsExactly("berkas tidak memuat satu kecamatan pun"));
    assertThatThrownBy(() -> FiguresCsv.read(HEADER + "<script>alert(1)</script>,1,1,ya,darat\n", MAHULU, "IMPORT"))
        .isInstanceOfSatisfying(FiguresRejectedException.class, e -> assertThat(e.problems().get(0))
            .contains("?script?alert(1)?/script?").doesNotContain("<"));
    assertThatThrownBy(() -> FiguresCsv.read(HEADER + "x".repeat(FiguresCsv.MAX_CHARS), MAHULU, "IMPORT"))
        .isInstanceOfSatisfying(FiguresRejectedException.class, e -> assertThat(e.problems().get(0))
            .startsWith("berkas terlalu besar"));
  }

  @Test
  void theShippedDemoFileKeepsTheRulesAndCoversEveryKecamatanOfItsRegions() throws Exception {
    String csv = new String(getClass().getClassLoader().getResourceAsStream(DemoKecamatanFigures.FILE).readAllBytes());
    assertThat(csv).startsWith("# DATA DEMO");
    List<String> lines = csv.lines().filter(l -> !l.startsWith("#")).toList();
    Set<String> malang = new java.util.HashSet<>();
    for (int i = 1; i <= 33; i++) {
      malang.add(String.format("35.07.%02d", i));
    }
    Set<String> all = new java.util.HashSet<>(malang);
    all.addAll(MAHULU);
    for (int i = 1; i <= 9; i++) {
      all.add(String.format("73.73.%02d", i));  // Kota Palopo, where the demo users work
    }
    List<KecamatanFigures> rows = FiguresCsv.read(String.join("\n", lines), all, KecamatanFigures.DEMO);
    assertThat(rows).hasSize(47).allMatch(r -> r.origin().equals("DEMO"));
    assertThat(rows).filteredOn(r -> r.districtCode().startsWith("64.11"))
        .allMatch(r -> r.remote() && r.transport() == TransportMode.SUNGAI);
  }
}
