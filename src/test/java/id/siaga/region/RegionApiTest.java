package id.siaga.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The region API over HTTP with real authentication. */
@SiagaSpringBootTest
class RegionApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RegionRepository regions;

  private TestRestTemplate admin() {
    return rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD);
  }

  @Test
  void adminReimportsTheBundledFilesAndNothingChanges() {
    ResponseEntity<Map> response = admin().postForEntity("/api/admin/regions/import", null, Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("regionsWithRace", 545).containsEntry("inserted", 0)
        .containsEntry("updated", 0).containsEntry("agencyChanges", 0);
  }

  @Test
  void onlyAdministratorsMayImport() {
    assertThat(rest.postForEntity("/api/admin/regions/import", null, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.withBasicAuth("kesbangpolpalopo", SiagaSpringBootTest.DEMO_PASSWORD)
        .postForEntity("/api/admin/regions/import", null, String.class).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void anUploadedMalformedFileIsRejectedWithFileLineAndReason() {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("provinces", file("provinces.csv", "code,name\n73,Sulawesi Selatan\n"));
    parts.add("regencies", file("regencies.csv", "code,province_code,name\n73.73,73,Kota Palopo\n"));
    parts.add("districts", file("districts.csv", "code,regency_code,name\n73.73.01,73.99,Kecamatan Palsu\n"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<Map> response = admin().postForEntity("/api/admin/regions/import",
        new HttpEntity<>(parts, headers), Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("problems").toString())
        .contains("districts.csv baris 2: kode induk '73.99' tidak dikenal");
    assertThat(regions.find("73.73.01").orElseThrow().name()).isEqualTo("Wara");
  }

  @Test
  void updatesTheEditableFieldsOfAKecamatan() {
    ResponseEntity<Map> response = admin().exchange("/api/admin/regions/64.11.01", HttpMethod.PUT,
        json("{\"vulnerability\":\"tinggi\",\"remote\":true,\"tpsCount\":12}"), Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    Region updated = regions.find("64.11.01").orElseThrow();
    assertThat(updated.vulnerability()).isEqualTo(Vulnerability.tinggi);
    assertThat(updated.remote()).isTrue();
    assertThat(updated.tpsCount()).isEqualTo(12);
  }

  @Test
  void badEditsGetAClearErrorAndChangeNothing() {
    Region before = regions.find("73.73.02").orElseThrow();

    assertBadRequest("/api/admin/regions/73.73.02", "{\"vulnerability\":\"tinggi\",\"tpsCount\":-5}",
        "tidak boleh negatif");
    assertBadRequest("/api/admin/regions/73.73.02", "{\"vulnerability\":\"parah\",\"tpsCount\":5}",
        "rendah, sedang, tinggi");
    assertBadRequest("/api/admin/regions/73.73.02", "{\"tpsCount\":5}", "vulnerability");
    assertBadRequest("/api/admin/regions/73.73.02", "{\"vulnerability\":\"<script>alert(1)</script>\","
        + "\"tpsCount\":5}", "rendah, sedang, tinggi");
    assertBadRequest("/api/admin/regions/73.7X", "{\"vulnerability\":\"tinggi\",\"tpsCount\":5}",
        "kode wilayah tidak sah");
    assertBadRequest("/api/admin/regions/73.73", "{\"vulnerability\":\"tinggi\",\"tpsCount\":5}",
        "hanya untuk kecamatan");

    assertThat(regions.find("73.73.02").orElseThrow()).isEqualTo(before);
    assertThat(regions.find("73.73").orElseThrow().tpsCount()).isZero();
  }

  @Test
  void officersReadRegionsAndGetAClearErrorForAnUnknownCode() {
    TestRestTemplate officer = rest.withBasicAuth("pemdapalopo", SiagaSpringBootTest.DEMO_PASSWORD);
    ResponseEntity<Map> palopo = officer.getForEntity("/api/regions/73.73", Map.class);
    assertThat(palopo.getBody()).containsEntry("name", "Kota Palopo").containsEntry("zone", "WITA");
    assertThat(officer.getForEntity("/api/regions/73.73/children", Object[].class).getBody()).hasSize(9);
    ResponseEntity<Map> unknown = officer.getForEntity("/api/regions/99.99", Map.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().get("error").toString()).contains("tidak dikenal: 99.99");
  }

  private void assertBadRequest(String url, String body, String message) {
    ResponseEntity<Map> response = admin().exchange(url, HttpMethod.PUT, json(body), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().toString()).contains(message);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }
}
