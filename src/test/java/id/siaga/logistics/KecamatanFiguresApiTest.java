package id.siaga.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
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
 * The per-kecamatan figures over HTTP with real authentication: the demo regions carry their demo
 * figures, KPU of the region (or an administrator) imports a file, anyone else is refused, and a
 * bad file changes nothing.
 */
@SiagaSpringBootTest
class KecamatanFiguresApiTest {

  static final String HEADER = "kode_kecamatan,jumlah_tps,jumlah_dpt,terpencil_3t,moda_transportasi\n";

  @Autowired TestRestTemplate rest;
  @Autowired KecamatanFiguresRepository figures;

  @Test
  void theDemoRegionsCarryTheirDemoFiguresReadableByTheirAgenciesOnly() {
    ResponseEntity<Map> malang = as("polresmalang").getForEntity("/api/logistics/figures/35.07", Map.class);

    assertThat(malang.getStatusCode().value()).isEqualTo(200);
    assertThat(malang.getBody()).containsEntry("kecamatan", 33).containsEntry("withFigures", 33)
        .containsEntry("demo", true);
    assertThat((List<Map<String, Object>>) malang.getBody().get("rows")).first()
        .satisfies(row -> assertThat(row).containsEntry("districtCode", "35.07.01").containsEntry("name", "Donomulyo")
            .containsEntry("origin", "DEMO"));
    assertThat(as("kpupalopo").getForEntity("/api/logistics/figures/35.07", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(rest.getForEntity("/api/logistics/figures/35.07", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(as("kpupalopo").getForEntity("/api/logistics/figures/99.99", String.class).getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void kpuOfTheRegionImportsOthersAreRefusedAndABadFileChangesNothing() {
    List<KecamatanFigures> before = figures.findByRegion("64.11");
    String good = HEADER + "64.11.01,31,7100,ya,sungai\n64.11.02,20,4100,ya,sungai\n64.11.03,25,6500,ya,sungai\n"
        + "64.11.04,36,6900,ya,udara\n64.11.05,16,4000,ya,sungai\n";

    assertThat(put("kpupalopo", "64.11", good).getStatusCode().value()).as("KPU of another region").isEqualTo(403);
    assertThat(put("polrespalopo", "73.73", good).getStatusCode().value()).as("not KPU").isEqualTo(403);
    ResponseEntity<Map> bad = put("kpumahakamulu", "64.11", good.replace("64.11.02,20", "64.11.02,-20"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((List<String>) bad.getBody().get("problems")).containsExactly("baris 3: jumlah_tps tidak boleh negatif (-20)");
    assertThat(figures.findByRegion("64.11")).as("nothing changed").isEqualTo(before);
    ResponseEntity<Map> oversized = put("kpumahakamulu", "64.11", good + "#".repeat(3_000_000));
    assertThat(oversized.getStatusCode().value()).isEqualTo(400);
    assertThat((List<String>) oversized.getBody().get("problems")).singleElement().asString().startsWith("berkas terlalu besar");
    ResponseEntity<Map> otherRegion = put("kpumahakamulu", "64.11", HEADER + "35.07.01,10,3000,tidak,darat\n");
    assertThat((List<String>) otherRegion.getBody().get("problems"))
        .containsExactly("baris 2: kode kecamatan '35.07.01' bukan kecamatan wilayah ini");
    assertThat(put("kpumahakamulu", "<script>", good).getStatusCode().value()).isEqualTo(400);
    assertThat(figures.findByRegion("64.11")).as("still nothing changed").isEqualTo(before);

    ResponseEntity<Map> ok = put("kpumahakamulu", "64.11", good);

    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(ok.getBody()).containsEntry("imported", 5);
    assertThat(figures.findByRegion("64.11")).hasSize(5).allMatch(f -> f.origin().equals("IMPORT"))
        .anySatisfy(f -> assertThat(f).isEqualTo(new KecamatanFigures("64.11.04", 36, 6900, true, TransportMode.UDARA,
            "IMPORT")));
    assertThat(put("admin", "64.11", good).getStatusCode().value()).as("an administrator may").isEqualTo(200);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, user.equals("admin") ? SiagaSpringBootTest.ADMIN_PASSWORD
        : SiagaSpringBootTest.DEMO_PASSWORD);
  }

  private ResponseEntity<Map> put(String user, String region, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return as(user).exchange("/api/logistics/figures/" + region, HttpMethod.PUT, new HttpEntity<>(csv, headers),
        Map.class);
  }
}
