package id.siaga.patrol;

import id.siaga.region.KecamatanTpsCounts;
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
 * Demo profile only: once the country and the demo TPS counts are loaded, the demo regions get the
 * shipped demo tiers ({@code patrol/demo-tiers.csv}, GENERATED numbers, marked DEMO) unless they
 * have tiers already. Checked by the same rules as an import, against KPU's TPS counts as they
 * stand; a region whose counts are not all there yet is skipped with a warning, not half-loaded.
 */
@Profile("demo")
@Component
class DemoTpsTiers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTpsTiers.class);
  static final String FILE = "patrol/demo-tiers.csv";
  /**
   * After the demo TPS counts: the logistics demo figures listen to {@link NationalDataReady} at
   * order 100 (a feature cannot name another feature's constant, so the number is repeated there).
   */
  static final int ORDER = 200;

  private final TpsTiersRepository tiers;
  private final RegionRepository regions;
  private final KecamatanTpsCounts tpsCounts;

  DemoTpsTiers(TpsTiersRepository tiers, RegionRepository regions, KecamatanTpsCounts tpsCounts) {
    this.tiers = tiers;
    this.regions = regions;
    this.tpsCounts = tpsCounts;
  }

  @EventListener(NationalDataReady.class)
  @Order(ORDER)
  void load() {
    perRegion().forEach((regionCode, text) -> {
      if (tiers.hasAny(regionCode)) {
        return;
      }
      Set<String> districts = regions.findChildren(regionCode).stream().map(Region::code).collect(Collectors.toSet());
      Map<String, Integer> counts = tpsCounts.tpsCounts(regionCode);
      if (!counts.keySet().containsAll(districts)) {
        LOG.warn("Demo TPS tiers for {} skipped: KPU's TPS counts of its kecamatan are not all imported", regionCode);
        return;
      }
      try {
        List<TpsTiers> rows = TiersCsv.read(text, districts, counts, TpsTiers.DEMO);
        tiers.replace(regionCode, rows, "demo", Instant.now());
        LOG.info("Demo TPS tiers for {}: {} kecamatan (generated, marked DEMO)", regionCode, rows.size());
      } catch (TiersRejectedException e) {
        // the region's TPS counts were imported since and no longer match the demo tiers
        LOG.warn("Demo TPS tiers for {} skipped: {}", regionCode, e.problems());
      }
    });
  }

  /** The demo file split per region, each part with the header; comment lines dropped. */
  static Map<String, String> perRegion() {
    try {
      return KecamatanCsv.perRegency(new ClassPathResource(FILE).getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
