package id.siaga.region;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: at the first start, imports the national files shipped in the jar and rates
 * the demo regions as domain.md reports them (application-demo.yaml).
 */
@Component
@Profile("demo")
@Order(5)
class DemoRegions implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRegions.class);

  private final NationalImport nationalImport;
  private final RegionRepository regions;
  private final Settings settings;

  DemoRegions(NationalImport nationalImport, RegionRepository regions, Settings settings) {
    this.nationalImport = nationalImport;
    this.regions = regions;
    this.settings = settings;
  }

  @ConfigurationProperties("siaga.demo.regions")
  record Settings(Map<String, Vulnerability> vulnerability) {}

  @Override
  public void run(ApplicationArguments args) {
    if (args.containsOption(ImportRegionsCommand.OPTION) || regions.count(RegionLevel.PROVINCE) > 0) {
      return;
    }
    LOG.info("First start: importing the national regions shipped in the jar");
    nationalImport.importFrom(AreaFiles.bundled(), "demo");
    settings.vulnerability().forEach((code, band) -> regions.find(code).ifPresent(
        r -> regions.updateEditable(code, band, r.remote(), r.tpsCount())));
  }
}
