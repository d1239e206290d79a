package id.siaga.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.siaga.SiagaSpringBootTest;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Rakor's schedule form offers the region by name: a searchable list of every province and
 * regency/city that holds a Pilkada ("Kota Palopo (Sulawesi Selatan)"), whose value is still the
 * Kemendagri code the server checks; a national forum's provinces are listed by name too. The list is written into the form from the national data; when
 * the data changes this test fails, and
 * {@code ./mvnw test -Dtest=ScheduleFormRegionsTest -Dsiaga.forms.regenerate=true} writes it again.
 */
@SiagaSpringBootTest
class ScheduleFormRegionsTest {

  static final Path FORM = Path.of("bpmn", "coordination-meeting", "schedule-meeting.form");

  @Autowired RegionRepository regions;

  @Test
  void theScheduleFormListsEveryRaceRegionByName() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode form = (ObjectNode) json.readTree(Files.readString(FORM));
    ObjectNode field = null;
    ObjectNode provinces = null;
    for (JsonNode component : form.get("components")) {
      if ("regionCode".equals(component.path("key").asText())) {
        field = (ObjectNode) component;
      }
      if ("invitedProvinces".equals(component.path("key").asText())) {
        provinces = (ObjectNode) component;
      }
    }
    assertThat(provinces).as("the national forum's provinces").isNotNull();
    ArrayNode expectedProvinces = json.createArrayNode();
    expectedProvinces.addObject().put("label", "Semua provinsi").put("value", "SEMUA");
    regions.findAll().stream().filter(r -> r.level() == RegionLevel.PROVINCE).sorted(Comparator.comparing(Region::name))
        .forEach(r -> expectedProvinces.addObject().put("label", r.name()).put("value", r.code()));
    assertThat(field).as("the region field").isNotNull();
    ArrayNode expected = json.createArrayNode();
    for (Region r : raceRegions()) {
      expected.addObject().put("label", label(r)).put("value", r.code());
    }
    if (Boolean.getBoolean("siaga.forms.regenerate") && !expectedProvinces.equals(provinces.get("values"))) {
      provinces.set("values", expectedProvinces);
      Files.writeString(FORM, json.writeValueAsString(form) + "\n", StandardCharsets.UTF_8);
    }
    if (Boolean.getBoolean("siaga.forms.regenerate") && !expected.equals(field.get("values"))) {
      field.put("type", "select").put("label", "Wilayah").put("searchable", true)
          .put("description", "Ketik nama kabupaten/kota atau provinsi, mis. Palopo");
      field.remove("validate");
      field.putObject("validate").put("required", true);
      field.set("values", expected);
      Files.writeString(FORM, json.writeValueAsString(form) + "\n", StandardCharsets.UTF_8);
    }
    assertThat(field.get("type").asText()).isEqualTo("select");
    assertThat(field.get("searchable").asBoolean()).isTrue();
    assertThat(field.get("values")).as("run with -Dsiaga.forms.regenerate=true to write the list again")
        .isEqualTo(expected);
    assertThat(expected).hasSize(545);
    assertThat(provinces.get("values")).as("run with -Dsiaga.forms.regenerate=true to write the list again")
        .isEqualTo(expectedProvinces);
    assertThat(expectedProvinces).hasSize(39);
    assertThat(expected.toString()).contains("{\"label\":\"Kota Palopo (Sulawesi Selatan)\",\"value\":\"73.73\"}",
        "{\"label\":\"Provinsi Sulawesi Selatan\",\"value\":\"73\"}");
  }

  /** Provinces first, then regencies and cities, each by name. */
  List<Region> raceRegions() {
    return regions.findWithRace().stream()
        .sorted(Comparator.comparing((Region r) -> r.level() == RegionLevel.PROVINCE ? 0 : 1)
            .thenComparing(this::label))
        .toList();
  }

  String label(Region r) {
    if (r.level() == RegionLevel.PROVINCE) {
      return "Provinsi " + r.name();
    }
    return r.name() + " (" + regions.find(r.provinceCode()).map(Region::name).orElse(r.provinceCode()) + ")";
  }
}
