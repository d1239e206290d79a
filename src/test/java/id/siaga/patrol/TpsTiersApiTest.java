package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.region.KecamatanTpsCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The TPS tiers over HTTP with real authentication: the demo regions carry their demo tiers, Polres
 * of the region (or an administrator) imports a file checked against KPU's TPS counts, anyone else
 * is refused, and a bad file changes nothing.
 */
@SiagaSpringBootTest
class TpsTiersApiTest {

  static final String HEADER = "kode_kecamatan,tps_kurang_rawan,tps_rawan,tps_sangat_rawan\n";

  @Autowired TestRestTemplate rest;
  @Autowired TpsTiersRepository tiers;
  @Autowired KecamatanTpsCounts tpsCounts;

  @Test
  void theDemoRegionsCarryTheirDemoTiersReadableByTheirAgenciesOnly() {
    ResponseEntity<Map> malang = as("polresmalang").getForEntity("/api/security/tiers/35.07", Map.class);

    assertThat(malang.getStatusCode().value()).isEqualTo(200);
    assertThat(malang.getBody()).containsEntry("kecamatan", 33).containsEntry("withTiers", 33)
        .containsEntry("demo", true);
    assertThat((List<Map<String, Object>>) malang.getBody().get("rows")).first()
        .satisfies(row -> assertThat(row).containsEntry("districtCode", "35.07.01").containsEntry("name", "Donomulyo")
            .containsEntry("tpsKurangRawan", 138).containsEntry("tpsRawan", 0).containsEntry("tpsSangatRawan", 1)
            .containsEntry("tpsCount", 139).containsEntry("matchesTpsCount", true).containsEntry("origin", "DEMO"));
    assertThat((List<Map<String, Object>>) malang.getBody().get("rows"))
        .allSatisfy(row -> assertThat(row).containsEntry("matchesTpsCount", true));
    assertThat(as("kpupalopo").getForEntity("/api/security/tiers/73.73", Map.class).getBody())
        .as("every agency of the region reads").containsEntry("withTiers", 9);
    assertThat(as("kpupalopo").getForEntity("/api/security/tiers/35.07", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(as("polresmakassar").getForEntity("/api/security/tiers/73.73", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(rest.getForEntity("/api/security/tiers/35.07", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(as("polresmalang").getForEntity("/api/security/tiers/99.99", Map.class).getBody())
        .containsEntry("status", 400).containsEntry("error", "Kode kabupaten/kota tidak dikenal: 99.99");
  }

  @Test
  void polresOfTheRegionImportsOthersAreRefusedAndABadFileChangesNothing() {
    Map<String, Integer> palopo = tpsCounts.tpsCounts("73.73");
    assertThat(palopo).as("the demo TPS counts of Kota Palopo").hasSize(9);
    StringBuilder file = new StringBuilder(HEADER);
    palopo.forEach((code, tps) -> file.append(code).append(',').append(tps - 3).append(",2,1\n"));
    String good = file.toString();
    List<TpsTiers> before = tiers.findByRegion("73.73");

    assertThat(put("kpupalopo", "73.73", good).getStatusCode().value()).as("not Polres").isEqualTo(403);
    assertThat(put("polresmakassar", "73.73", good).getStatusCode().value()).as("Polres of another region")
        .isEqualTo(403);
    assertThat(putAnonymously("73.73", good).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<Map> bad = put("polrespalopo", "73.73", good.replace("73.73.03," + (palopo.get("73.73.03") - 3),
        "73.73.03,-" + (palopo.get("73.73.03") - 3)));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((List<String>) bad.getBody().get("problems"))
        .containsExactly("baris 4: tps_kurang_rawan tidak boleh negatif (-" + (palopo.get("73.73.03") - 3) + ")");
    ResponseEntity<Map> notAddingUp = put("polrespalopo", "73.73", good.replace("73.73.02," + (palopo.get("73.73.02") - 3)
        + ",2,1", "73.73.02," + (palopo.get("73.73.02") - 3) + ",3,1"));
    assertThat(notAddingUp.getStatusCode().value()).isEqualTo(400);
    assertThat((List<String>) notAddingUp.getBody().get("problems")).containsExactly("baris 3: jumlah TPS per tingkat "
        + (palopo.get("73.73.02") - 3) + " + 3 + 1 = " + (palopo.get("73.73.02") + 1)
        + " tidak sama dengan jumlah TPS kecamatan menurut KPU (" + palopo.get("73.73.02") + ")");
    ResponseEntity<Map> otherRegion = put("polrespalopo", "73.73", HEADER + "35.07.01,138,0,1\n");
    assertThat((List<String>) otherRegion.getBody().get("problems"))
        .containsExactly("baris 2: kode kecamatan '35.07.01' bukan kecamatan wilayah ini");
    ResponseEntity<Map> oversized = put("polrespalopo", "73.73", good + "#".repeat(3_000_000));
    assertThat((List<String>) oversized.getBody().get("problems")).singleElement().asString()
        .startsWith("berkas terlalu besar");
    assertThat(tiers.findByRegion("73.73")).as("nothing changed").isEqualTo(before);

    ResponseEntity<Map> ok = put("polrespalopo", "73.73", good);

    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(ok.getBody()).containsEntry("imported", 9).containsEntry("kecamatan", 9);
    assertThat(tiers.findByRegion("73.73")).hasSize(9).allMatch(t -> t.origin().equals("IMPORT"))
        .anySatisfy(t -> assertThat(t).isEqualTo(new TpsTiers("73.73.01", palopo.get("73.73.01") - 3, 2, 1, "IMPORT")));
    assertThat(as("polrespalopo").getForEntity("/api/security/tiers/73.73", Map.class).getBody())
        .containsEntry("demo", false).containsEntry("tpsSangatRawan", 9);
    assertThat(put("admin", "73.73", good).getStatusCode().value()).as("an administrator may").isEqualTo(200);
  }

  @Test
  void aKecamatanWhoseTpsCountKpuHasNotImportedCannotBeTiered() {
    assertThat(tpsCounts.tpsCounts("73.71")).as("no figures for Kota Makassar").isEmpty();

    ResponseEntity<Map> refused = put("polresmakassar", "73.71", HEADER + "73.71.01,40,2,0\n");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((List<String>) refused.getBody().get("problems"))
        .containsExactly("baris 2: jumlah TPS kecamatan belum diimpor KPU (kecamatan 73.71.01)");
    assertThat(tiers.findByRegion("73.71")).isEmpty();
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, user.equals("admin") ? SiagaSpringBootTest.ADMIN_PASSWORD
        : SiagaSpringBootTest.DEMO_PASSWORD);
  }

  private ResponseEntity<Map> put(String user, String region, String csv) {
    return as(user).exchange("/api/security/tiers/" + region, HttpMethod.PUT, new HttpEntity<>(csv, csvHeaders()),
        Map.class);
  }

  private ResponseEntity<Map> putAnonymously(String region, String csv) {
    return rest.exchange("/api/security/tiers/" + region, HttpMethod.PUT, new HttpEntity<>(csv, csvHeaders()),
        Map.class);
  }

  private static HttpHeaders csvHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return headers;
  }
}
