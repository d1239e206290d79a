package id.siaga.logistics;

import id.siaga.region.KecamatanCsv;
import id.siaga.region.NationalDataReady;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: once the country is loaded, the demo regions get the shipped demo figures
 * ({@code logistics/demo-figures.csv}, GENERATED numbers, marked DEMO) unless they have figures
 * already. Checked by the same rules as an import.
 */
@Profile("demo")
@Component
class DemoKecamatanFigures {

  private static final Logger LOG = LoggerFactory.getLogger(DemoKecamatanFigures.class);
  static final String FILE = "logistics/demo-figures.csv";

  private final KecamatanFiguresRepository figures;
  private final RegionRepository regions;

  DemoKecamatanFigures(KecamatanFiguresRepository figures, RegionRepository regions) {
    this.figures = figures;
    this.regions = regions;
  }

  /**
   * Before the demo TPS tiers of the patrol feature (order 200), which are checked against the TPS
   * counts loaded here; a listener without an order would run in no defined order among them.
   */
  @EventListener(NationalDataReady.class)
  @Order(100)
  void load() {
    Map<String, String> perRegion;
    try {
      perRegion = KecamatanCsv.perRegency(new ClassPathResource(FILE).getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    perRegion.forEach((regionCode, text) -> {
      if (figures.hasAny(regionCode)) {
        return;
      }
      Set<String> districts = regions.findChildren(regionCode).stream().map(Region::code).collect(Collectors.toSet());
      List<KecamatanFigures> rows = FiguresCsv.read(text, districts, KecamatanFigures.DEMO);
      figures.replace(regionCode, rows, "demo", Instant.now());
      LOG.info("Demo logistics figures for {}: {} kecamatan (generated, marked DEMO)", regionCode, rows.size());
    });
  }
}
