package id.siaga.region;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: at the first start (no province in the database), imports the national files
 * shipped in the jar and rates the demo regions as domain.md reports them (application-demo.yaml).
 *
 * <p>The import runs in a background thread once the application has started, so that Tasklist
 * answers while it runs. Before the web server opens, {@link NationalData} is set to loading, so
 * the product's pages and APIs answer "Sedang memuat data wilayah" until the import has committed
 * and {@link NationalDataReady} has been handled (the demo users are created then). At a later
 * start the country is there: the event is published at once.
 */
@Component
@Profile("demo")
@Order(5)
class DemoRegions implements SmartInitializingSingleton, ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRegions.class);

  private final NationalImport nationalImport;
  private final RegionRepository regions;
  private final Settings settings;
  private final NationalData nationalData;
  private final ApplicationEventPublisher events;
  private final ApplicationArguments arguments;

  DemoRegions(NationalImport nationalImport, RegionRepository regions, Settings settings,
      NationalData nationalData, ApplicationEventPublisher events, ApplicationArguments arguments) {
    this.nationalImport = nationalImport;
    this.regions = regions;
    this.settings = settings;
    this.nationalData = nationalData;
    this.events = events;
    this.arguments = arguments;
  }

  @ConfigurationProperties("siaga.demo.regions")
  record Settings(Map<String, Vulnerability> vulnerability) {}

  /** Before the web server opens: a first start closes the gate until the import is done. */
  @Override
  public void afterSingletonsInstantiated() {
    if (!arguments.containsOption(ImportRegionsCommand.OPTION) && regions.count(RegionLevel.PROVINCE) == 0) {
      nationalData.loading();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (args.containsOption(ImportRegionsCommand.OPTION)) {
      return;
    }
    if (nationalData.state() != NationalData.State.LOADING) {
      events.publishEvent(new NationalDataReady(false));
      return;
    }
    Thread loader = new Thread(this::loadCountry, "national-import");
    // a stop in the middle rolls the import's transaction back; the next start imports again
    loader.setDaemon(true);
    loader.start();
  }

  private void loadCountry() {
    LOG.info("First start: importing the national regions shipped in the jar in the background;"
        + " the product answers \"Sedang memuat data wilayah\" until it is done");
    long started = System.nanoTime();
    try {
      nationalImport.importFrom(AreaFiles.bundled(), "demo");
      settings.vulnerability().forEach((code, band) -> regions.find(code).ifPresent(
          r -> regions.updateEditable(code, band, r.remote(), r.tpsCount())));
      events.publishEvent(new NationalDataReady(true));
      nationalData.ready();
      LOG.info("National data loaded in {} ms: the product is open", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      nationalData.failed();
      LOG.error("The first national import failed; the product stays closed until a restart imports again", e);
    }
  }
}
