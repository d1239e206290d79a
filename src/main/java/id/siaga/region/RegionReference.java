package id.siaga.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The reference facts the import applies to the national files: the time zone of each province
 * and the regions that hold no race. Read from {@code region/reference.yaml}.
 */
@Component
public class RegionReference {

  private final Map<String, Zone> zoneByProvince = new HashMap<>();
  private final Set<String> withoutRace;

  public RegionReference() {
    this("region/reference.yaml");
  }

  @SuppressWarnings("unchecked")
  RegionReference(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      Map<String, Object> data = new Yaml().load(in);
      Map<String, List<Object>> zones = (Map<String, List<Object>>) data.get("zones");
      zones.forEach((zone, provinces) -> provinces.forEach(
          province -> zoneByProvince.put(String.valueOf(province), Zone.valueOf(zone))));
      withoutRace = Set.copyOf(((List<Object>) data.get("withoutRace")).stream()
          .map(String::valueOf).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The zone of a region, derived from its province code; null for an unknown province. */
  public Zone zoneOf(String regionCode) {
    return zoneByProvince.get(Region.provinceOf(regionCode));
  }

  /** Provinces and regencies/cities hold a race unless listed; kecamatan never do. */
  public boolean holdsRace(String regionCode) {
    RegionLevel level = RegionLevel.ofCode(regionCode);
    return level != RegionLevel.DISTRICT && !withoutRace.contains(regionCode);
  }
}
