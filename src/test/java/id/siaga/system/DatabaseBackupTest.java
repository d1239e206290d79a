package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may take the demo's online backup and what it refuses, on the shared context (H2 in memory).
 * A real backup of an H2 file, restored and started, is {@code BackupRestoreIT}'s.
 */
@SiagaSpringBootTest
class DatabaseBackupTest {

  @LocalServerPort
  int port;

  @Autowired
  OperatorAudit audit;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void onlyAdministratorsMayAskAndAnInMemoryDatabaseIsRefusedInIndonesian() throws Exception {
    assertThat(post(null).statusCode()).isEqualTo(401);
    assertThat(post("kesbangpolpalopo:" + SiagaSpringBootTest.DEMO_PASSWORD).statusCode())
        .as("a coordinator takes no copy of everyone's data").isEqualTo(403);

    HttpResponse<String> refused = post(SiagaSpringBootTest.ADMIN + ":" + SiagaSpringBootTest.ADMIN_PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/json"));
    assertThat(refused.body()).contains("\"status\":409")
        .contains("Basis data H2 ini ada di memori saja; tidak ada berkas untuk dicadangkan.");
    assertThat(audit.latest(5)).anySatisfy(entry -> {
      assertThat(entry.userId()).isEqualTo(SiagaSpringBootTest.ADMIN);
      assertThat(entry.action()).startsWith("DatabaseBackup(siaga-h2-");
      assertThat(entry.outcome()).startsWith("DITOLAK: Basis data H2 ini ada di memori saja");
      assertThat(entry.request()).isEqualTo("POST /api/admin/backup");
    });
  }

  private HttpResponse<String> post(String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/backup"))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
