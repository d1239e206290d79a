package id.siaga.agency;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The agency API over HTTP with real authentication: names, chains and ad-hoc bodies. */
@SiagaSpringBootTest
class AgencyApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired AgencyRepository agencies;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired EscalationChain chain;

  private TestRestTemplate admin() {
    return rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD);
  }

  @Test
  void anAdministratorCorrectsAUnitNameAndTheGroupFollows() {
    assertThat(agencies.find("kejaksaan1101").orElseThrow().generated()).isTrue();

    ResponseEntity<Map> response = admin().exchange("/api/admin/agencies/kejaksaan1101", HttpMethod.PUT,
        json("{\"name\":\"  Kejari Simeulue  \"}"), Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("name", "Kejari Simeulue").containsEntry("generated", false)
        .containsEntry("nameOrigin", "ADMIN");
    Agency renamed = agencies.find("kejaksaan1101").orElseThrow();
    assertThat(renamed.name()).isEqualTo("Kejari Simeulue");
    assertThat(renamed.nameSource()).startsWith("diubah oleh " + SiagaSpringBootTest.ADMIN);
    assertThat(identity.createGroupQuery().groupId("kejaksaan1101").singleResult().getName()).isEqualTo("Kejari Simeulue");
    assertThat(renamed.escalatesTo()).as("the chain is untouched").isEqualTo("kejaksaan11");
  }

  @Test
  void anOfficerMayReadAnAgencyButNotRenameIt() {
    TestRestTemplate officer = rest.withBasicAuth("polrespalopo", SiagaSpringBootTest.DEMO_PASSWORD);

    ResponseEntity<String> refused = officer.exchange("/api/admin/agencies/polri7373", HttpMethod.PUT,
        json("{\"name\":\"Polres Palsu\"}"), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(rest.exchange("/api/admin/agencies/polri7373", HttpMethod.PUT, json("{\"name\":\"Polres Palsu\"}"),
        String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(agencies.find("polri7373").orElseThrow().name()).isEqualTo("Polres Palopo");

    ResponseEntity<Map> read = officer.getForEntity("/api/agencies/polri7373", Map.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).containsEntry("name", "Polres Palopo").containsEntry("generated", false)
        .containsEntry("nameOrigin", "REFERENCE");
    assertThat(read.getBody().get("nameSource").toString()).startsWith("https://");
    assertThat((List<Map<String, Object>>) read.getBody().get("chain")).extracting(l -> l.get("groupId"))
        .containsExactly("polri7373", "polri73", "mabespolri");
    assertThat(officer.getForEntity("/api/agencies/kpu7373", Map.class).getBody()).containsEntry("generated", true);
  }

  @Test
  void badInputGetsAClearErrorAndChangesNothing() {
    Agency before = agencies.find("pemda7373").orElseThrow();

    assertBadRequest("/api/admin/agencies/pemda7373", "{\"name\":\"\"}", "wajib diisi");
    assertBadRequest("/api/admin/agencies/pemda7373", "{}", "wajib diisi");
    assertBadRequest("/api/admin/agencies/pemda7373", "{\"name\":\"ab\"}", "3 sampai 120");
    assertBadRequest("/api/admin/agencies/pemda7373", "{\"name\":\"<script>alert(1)</script>\"}", "hanya huruf");
    assertBadRequest("/api/admin/agencies/pemda7373", "{\"name\":\"" + "x".repeat(121) + "\"}", "3 sampai 120");
    assertBadRequest("/api/admin/agencies/pemda7373", "{\"name\":", "tidak dapat dibaca");
    assertBadRequest("/api/admin/agencies/pemda9999", "{\"name\":\"Pemerintah Antah Berantah\"}", "instansi tidak dikenal");
    assertBadRequest("/api/admin/agencies/pemda-7373", "{\"name\":\"Pemerintah Kota Palopo\"}", "hanya huruf dan angka");

    assertThat(agencies.find("pemda7373").orElseThrow()).isEqualTo(before);
    assertThat(identity.createGroupQuery().groupId("pemda7373").singleResult().getName()).isEqualTo(before.name());
  }

  @Test
  void adHocBodiesOfAKecamatanAreCreatedOnceAndEscalateToTheirRegency() {
    // Kota Parepare: no process test creates its bodies first (the logistics tests use Palopo's)
    ResponseEntity<List> first = admin().postForEntity("/api/admin/agencies/ad-hoc",
        json("{\"regionCode\":\"73.72\",\"kind\":\"PPK\"}"), List.class);

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(first.getBody()).hasSize(4).allSatisfy(e -> assertThat(((Map<?, ?>) e).get("created")).isEqualTo(true));
    Agency bacukiki = agencies.find("ppk737201").orElseThrow();
    assertThat(bacukiki.name()).isEqualTo("PPK Kecamatan Bacukiki, Kota Parepare");
    assertThat(bacukiki.level()).isEqualTo(AgencyLevel.DISTRICT);
    assertThat(bacukiki.generated()).isTrue();
    assertThat(chain.chainFrom("ppk737201")).extracting(Agency::groupId)
        .containsExactly("ppk737201", "kpu7372", "kpu73", "kpuri");
    assertThat(identity.createGroupQuery().groupId("ppk737201").singleResult().getName())
        .isEqualTo("PPK Kecamatan Bacukiki, Kota Parepare");
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("ppk737201").resourceType(Resources.APPLICATION)
        .resourceId("tasklist").hasPermission(Permissions.ACCESS).count()).isEqualTo(1);

    ResponseEntity<List> again = admin().postForEntity("/api/admin/agencies/ad-hoc",
        json("{\"regionCode\":\"73.72\",\"kind\":\"PPK\"}"), List.class);
    assertThat(again.getBody()).hasSize(4).allSatisfy(e -> assertThat(((Map<?, ?>) e).get("created")).isEqualTo(false));
    assertThat(identity.createGroupQuery().groupIdIn("ppk737201").count()).isEqualTo(1);

    ResponseEntity<List> panwascam = admin().postForEntity("/api/admin/agencies/ad-hoc",
        json("{\"regionCode\":\"73.72.01\",\"kind\":\"PANWASCAM\"}"), List.class);
    assertThat(panwascam.getBody()).hasSize(1);
    assertThat(chain.chainFrom("panwascam737201")).extracting(Agency::groupId)
        .containsExactly("panwascam737201", "bawaslu7372", "bawaslu73", "bawasluri");
  }

  @Test
  void adHocBodiesNeedAKecamatanOrRegencyWithARace() {
    assertAdHocRefused("{\"regionCode\":\"73\",\"kind\":\"PPK\"}", "bukan provinsi");
    assertAdHocRefused("{\"regionCode\":\"31.71\",\"kind\":\"PPK\"}", "tidak menyelenggarakan Pilkada");
    assertAdHocRefused("{\"regionCode\":\"99.99\",\"kind\":\"PPK\"}", "tidak dikenal");
    assertAdHocRefused("{\"regionCode\":\"73.7X\",\"kind\":\"PPK\"}", "tidak sah");
    assertAdHocRefused("{\"regionCode\":\"73.73\"}", "PPK atau PANWASCAM");
    assertAdHocRefused("{\"regionCode\":\"73.73\",\"kind\":\"KPPS\"}", "tidak dapat dibaca");
    assertThat(rest.withBasicAuth("kpupalopo", SiagaSpringBootTest.DEMO_PASSWORD).postForEntity(
        "/api/admin/agencies/ad-hoc", json("{\"regionCode\":\"73.73\",\"kind\":\"PPK\"}"), String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(agencies.find("ppk317101")).isEmpty();
  }

  private void assertAdHocRefused(String body, String message) {
    ResponseEntity<Map> response = admin().postForEntity("/api/admin/agencies/ad-hoc", json(body), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().toString()).contains(message);
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
}
