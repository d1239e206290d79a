package id.siaga.agency;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.Vulnerability;
import id.siaga.region.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The escalation chain per line as the national import builds it from the reference file
 * (agency/units.yaml), without an engine: each line has its own top, TNI follows its territory,
 * real names are marked as checked and the others as generated.
 */
class AgencyChainTest {

  private final AgencyUnits units = new AgencyUnits();
  private final Map<String, Agency> agencies = AgencyProvisioning.desiredAgencies(regions(), units).stream()
      .collect(Collectors.toMap(Agency::groupId, Function.identity()));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "kpu7373,        kpu7373 > kpu73 > kpuri",
      "bawaslu7373,    bawaslu7373 > bawaslu73 > bawasluri",
      "polri7373,      polri7373 > polri73 > mabespolri",
      "kejaksaan7373,  kejaksaan7373 > kejaksaan73 > kejagung",
      "kesbangpol7373, kesbangpol7373 > kesbangpol73 > kemendagri",
      "pemda7373,      pemda7373 > pemda73 > kemendagri",
      "kesbangpol73,   kesbangpol73 > kemendagri"
  })
  void eachLineEndsAtItsOwnNationalBody(String from, String expected) {
    assertThat(chain(from)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // Kota Samarinda: Kodim 0901/Samarinda > Korem 091/ASN (all of Kaltim) > Kodam VI/Mulawarman
      "tni6472, tni6472 > korem091 > kodam6",
      // Kabupaten Mahakam Ulu: its Kodim's name is not checked, its territory is Korem 091's
      "tni6411, tni6411 > korem091 > kodam6",
      // Kabupaten Malang: Korem 083/Baladhika Jaya > Kodam V/Brawijaya
      "tni3507, tni3507 > korem083 > kodam5",
      // Kabupaten Mamuju (Sulbar): Korem 142/Tatag > Kodam XXIII/Palaka Wira, not the Kodam of Sulsel
      "tni7602, tni7602 > korem142 > kodam23",
      // Kota Palopo: no Korem in the data, the province's generated Korem, then the real Kodam XIV
      "tni7373, tni7373 > tni73 > kodam14",
      // a province no listed Kodam covers gets a generated one
      "tni1101, tni1101 > tni11 > kodamwilayah11"
  })
  void tniFollowsTheArmysTerritoryNotTheProvinces(String from, String expected) {
    assertThat(chain(from)).isEqualTo(expected);
  }

  @Test
  void realNamesCarryTheirSourceAndTheRestIsMarkedGenerated() {
    Agency kodim = agencies.get("tni7373");
    assertThat(kodim.name()).isEqualTo("Kodim 1403/Palopo");
    assertThat(kodim.generated()).isFalse();
    assertThat(kodim.nameSource()).startsWith("https://");
    assertThat(agencies.get("polri7371").name()).isEqualTo("Polrestabes Makassar");
    assertThat(agencies.get("polri6472").name()).isEqualTo("Polresta Samarinda");
    assertThat(agencies.get("korem091").name()).isEqualTo("Korem 091/Aji Surya Natakesuma");
    assertThat(agencies.get("kodam14").name()).isEqualTo("Kodam XIV/Hasanuddin");

    Agency generated = agencies.get("tni6411");
    assertThat(generated.name()).isEqualTo("Kodim Kabupaten Mahakam Ulu");
    assertThat(generated.generated()).isTrue();
    assertThat(generated.nameSource()).isNull();
    assertThat(agencies.get("tni73").name()).isEqualTo("Korem wilayah Sulawesi Selatan");
    assertThat(agencies.get("kodamwilayah11").name()).isEqualTo("Kodam wilayah Aceh");
    assertThat(agencies.get("kodamwilayah11").generated()).isTrue();
  }

  @Test
  void everyAgencyComesAfterTheOneItEscalatesToAndIdsAreLettersAndDigits() {
    List<String> seen = new ArrayList<>();
    for (Agency agency : AgencyProvisioning.desiredAgencies(regions(), units)) {
      assertThat(agency.groupId()).matches("[A-Za-z0-9]+");
      if (agency.escalatesTo() != null) {
        assertThat(seen).as(agency.groupId() + " escalates to an agency written before it").contains(agency.escalatesTo());
      }
      seen.add(agency.groupId());
    }
    assertThat(seen).doesNotHaveDuplicates().startsWith(Agency.NATIONAL_DESK);
  }

  @Test
  void onlyKesbangpolOfARegionOrProvinceAndTheDeskCoordinate() {
    assertThat(agencies.get("kesbangpol7373").coordinates()).isTrue();
    assertThat(agencies.get("kesbangpol73").coordinates()).isTrue();
    assertThat(agencies.get(Agency.NATIONAL_DESK).coordinates()).isTrue();
    assertThat(agencies.get("kemendagri").coordinates()).isFalse();
    assertThat(agencies.get("kpuri").coordinates()).isFalse();
    assertThat(agencies.get("kodam14").coordinates()).isFalse();
  }

  private String chain(String from) {
    List<String> links = new ArrayList<>();
    for (Agency a = agencies.get(from); a != null && links.size() < 10; a = a.escalatesTo() == null ? null
        : agencies.get(a.escalatesTo())) {
      links.add(a.groupId());
    }
    return String.join(" > ", links);
  }

  private static List<Region> regions() {
    return List.of(
        province("11", "Aceh", Zone.WIB), province("35", "Jawa Timur", Zone.WIB),
        province("64", "Kalimantan Timur", Zone.WITA), province("73", "Sulawesi Selatan", Zone.WITA),
        province("76", "Sulawesi Barat", Zone.WITA),
        regency("11.01", "Kabupaten Simeulue", Zone.WIB), regency("35.07", "Kabupaten Malang", Zone.WIB),
        regency("64.11", "Kabupaten Mahakam Ulu", Zone.WITA), regency("64.72", "Kota Samarinda", Zone.WITA),
        regency("73.71", "Kota Makassar", Zone.WITA), regency("73.73", "Kota Palopo", Zone.WITA),
        regency("76.02", "Kabupaten Mamuju", Zone.WITA));
  }

  private static Region province(String code, String name, Zone zone) {
    return new Region(code, name, RegionLevel.PROVINCE, null, code, zone, true, Vulnerability.sedang, false, 0);
  }

  private static Region regency(String code, String name, Zone zone) {
    return new Region(code, name, RegionLevel.REGENCY, code.substring(0, 2), code.substring(0, 2), zone, true,
        Vulnerability.sedang, false, 0);
  }
}
