package id.siaga.agency;

import id.siaga.region.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The reference file of agencies that ships with the product ({@code agency/units.yaml}): the
 * national top of each line, the TNI territory (which Korem and Kodam a Kodim belongs to) and the
 * real names of regency/city and province units, each with the public page it was checked
 * against. Read once; the file is checked when read (ids, references, sources).
 */
@Component
public class AgencyUnits {

  /** Camunda's default resource-id whitelist. */
  static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9]+");

  /** The generated Kodam of a province that no listed Kodam covers. */
  static final String GENERATED_KODAM_PREFIX = "kodamwilayah";

  /** A real name and the page it was checked against. */
  public record Unit(String name, String source) {}

  /** The top of one or more lines (KPU RI, Mabes Polri, Kemendagri, ...). */
  public record NationalBody(String groupId, List<AgencyType> lines, String name, String source) {}

  /** A Kodam: the top of the TNI line, covering whole provinces. */
  public record Kodam(String groupId, String name, String hq, Set<String> provinces, String source) {}

  /** A Korem: between Kodim and Kodam, covering the listed regencies and every regency of the listed provinces. */
  public record Korem(String groupId, String name, String kodam, String hq, Set<String> regencies,
      Set<String> provinces, String source) {}

  private final Map<String, Unit> units = new HashMap<>();
  private final List<NationalBody> national = new ArrayList<>();
  private final Map<AgencyType, NationalBody> topOfLine = new LinkedHashMap<>();
  private final Map<String, Kodam> kodams = new LinkedHashMap<>();
  private final Map<String, Korem> korems = new LinkedHashMap<>();

  public AgencyUnits() {
    this("agency/units.yaml");
  }

  @SuppressWarnings("unchecked")
  AgencyUnits(String resource) {
    Map<String, Object> data;
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      data = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> n : (List<Map<String, Object>>) data.get("national")) {
      Object line = n.get("line");
      List<AgencyType> lines = (line instanceof List<?> list ? list : List.of(line)).stream()
          .map(l -> AgencyType.valueOf(String.valueOf(l))).toList();
      NationalBody body = new NationalBody(id(n, ids, resource), lines, text(n, "name", resource), source(n, resource));
      national.add(body);
      for (AgencyType type : lines) {
        if (type == AgencyType.TNI || topOfLine.put(type, body) != null) {
          throw new IllegalStateException(resource + ": line " + type + " has a second top or is TNI (its top is the Kodam)");
        }
      }
    }
    for (AgencyType type : AgencyType.values()) {
      if (type != AgencyType.TNI && !topOfLine.containsKey(type)) {
        throw new IllegalStateException(resource + ": no national body for line " + type);
      }
    }
    for (Map<String, Object> k : (List<Map<String, Object>>) data.get("kodams")) {
      Kodam kodam = new Kodam(id(k, ids, resource), text(k, "name", resource), province(k, "hq", resource),
          codes(k, "provinces"), source(k, resource));
      kodams.put(kodam.groupId(), kodam);
    }
    for (Map<String, Object> k : (List<Map<String, Object>>) data.get("korems")) {
      Korem korem = new Korem(id(k, ids, resource), text(k, "name", resource), text(k, "kodam", resource),
          province(k, "hq", resource), codes(k, "regencies"), codes(k, "provinces"), source(k, resource));
      if (!kodams.containsKey(korem.kodam())) {
        throw new IllegalStateException(resource + ": Korem " + korem.groupId() + " names unknown Kodam " + korem.kodam());
      }
      korems.put(korem.groupId(), korem);
    }
    ((Map<String, Map<String, Object>>) data.get("units")).forEach((groupId, u) -> {
      if (!GROUP_ID.matcher(groupId).matches()) {
        throw new IllegalStateException(resource + ": group id '" + groupId + "' has more than letters and digits");
      }
      units.put(groupId, new Unit(text(u, "name", resource), source(u, resource)));
    });
  }

  private static String id(Map<String, Object> entry, Set<String> ids, String resource) {
    String id = text(entry, "id", resource);
    if (!GROUP_ID.matcher(id).matches() || id.startsWith(GENERATED_KODAM_PREFIX) || !ids.add(id)) {
      throw new IllegalStateException(resource + ": group id '" + id + "' is not letters and digits, reserved or repeated");
    }
    return id;
  }

  private static String text(Map<String, Object> entry, String key, String resource) {
    Object value = entry.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalStateException(resource + ": '" + key + "' missing in " + entry);
    }
    return String.valueOf(value).trim();
  }

  private static String source(Map<String, Object> entry, String resource) {
    String source = text(entry, "source", resource);
    if (!source.startsWith("https://") && !source.startsWith("http://")) {
      throw new IllegalStateException(resource + ": source of " + entry + " is not a public address");
    }
    return source;
  }

  private static String province(Map<String, Object> entry, String key, String resource) {
    String code = text(entry, key, resource);
    if (!code.matches("\\d{2}")) {
      throw new IllegalStateException(resource + ": '" + key + "' is not a province code in " + entry);
    }
    return code;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> codes(Map<String, Object> entry, String key) {
    Object list = entry.get(key);
    return list == null ? Set.of() : Set.copyOf(((List<Object>) list).stream().map(String::valueOf).toList());
  }

  /** The real name of a regency/city or province agency, if the file has it. */
  public Optional<Unit> unit(String groupId) {
    return Optional.ofNullable(units.get(groupId));
  }

  public List<NationalBody> national() {
    return List.copyOf(national);
  }

  /** The group at the top of a line other than TNI. */
  public String topOf(AgencyType type) {
    NationalBody body = topOfLine.get(type);
    if (body == null) {
      throw new IllegalArgumentException("line " + type + " ends at a Kodam, not at a national body");
    }
    return body.groupId();
  }

  public List<Kodam> kodams() {
    return List.copyOf(kodams.values());
  }

  public List<Korem> korems() {
    return List.copyOf(korems.values());
  }

  /** The Korem a regency's Kodim belongs to, if the territory data has it. */
  public Optional<Korem> koremOf(String regencyCode) {
    Optional<Korem> byRegency = korems.values().stream().filter(k -> k.regencies().contains(regencyCode)).findFirst();
    return byRegency.isPresent() ? byRegency : korems.values().stream()
        .filter(k -> k.provinces().contains(Region.provinceOf(regencyCode))).findFirst();
  }

  /** The Kodam covering a province, if the territory data has it. */
  public Optional<Kodam> kodamOf(String provinceCode) {
    return kodams.values().stream().filter(k -> k.provinces().contains(provinceCode)).findFirst();
  }

  /** The group id of the generated Kodam of a province without one in the data. */
  public static String generatedKodamId(String provinceCode) {
    return GENERATED_KODAM_PREFIX + provinceCode;
  }
}
