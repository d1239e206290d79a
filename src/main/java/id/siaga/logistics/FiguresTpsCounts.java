package id.siaga.logistics;

import id.siaga.region.KecamatanTpsCounts;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The kernel's {@link KecamatanTpsCounts}, answered from KPU's per-kecamatan figures. */
@Component
class FiguresTpsCounts implements KecamatanTpsCounts {

  private final KecamatanFiguresRepository figures;

  FiguresTpsCounts(KecamatanFiguresRepository figures) {
    this.figures = figures;
  }

  @Override
  public Map<String, Integer> tpsCounts(String regencyCode) {
    Map<String, Integer> counts = new TreeMap<>();
    figures.findByRegion(regencyCode).forEach(f -> counts.put(f.districtCode(), f.tpsCount()));
    return counts;
  }
}
