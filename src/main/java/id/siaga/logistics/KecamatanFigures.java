package id.siaga.logistics;

/**
 * What KPU supplies for one kecamatan of a region: its polling stations (TPS), its voters on the
 * final voter list (DPT), whether it is remote (3T: terdepan, terluar, tertinggal) and how the
 * materials mostly travel there.
 *
 * @param origin IMPORT when KPU or an administrator imported it, DEMO for the shipped demo figures
 */
public record KecamatanFigures(String districtCode, int tpsCount, int voters, boolean remote,
    TransportMode transport, String origin) {

  public static final String IMPORTED = "IMPORT";
  public static final String DEMO = "DEMO";
}
