package id.siaga.region;

import java.util.Map;

/**
 * How many polling stations (TPS) each kecamatan of a regency/city has, as KPU supplied them.
 * The kernel owns the question so that a feature needing the counts (the TPS guard plan) does not
 * use the feature that keeps them (logistics, which implements it from KPU's per-kecamatan
 * figures): features meet in the kernel, never in Java (docs/architecture.md).
 */
public interface KecamatanTpsCounts {

  /**
   * The TPS count per kecamatan code of the regency/city, for the kecamatan that have one; a
   * kecamatan whose figures KPU has not imported is absent. Empty for an unknown region.
   */
  Map<String, Integer> tpsCounts(String regencyCode);
}
