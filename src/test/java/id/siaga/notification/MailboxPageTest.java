package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The demo mailbox page: administrators and coordinators only, hostile content kept inert. */
@SiagaSpringBootTest
class MailboxPageTest {

  @Autowired TestRestTemplate rest;
  @Autowired Mailer mailer;
  @Autowired Recipients recipients;
  @Autowired DevMailServer mailServer;

  @Test
  void eachUserSeesTheMailsOfTheirAgencyCoordinatorsOfTheirRegionAdminsAll() {
    mailServer.purge();
    String hostile = "Rakor <script>alert(1)</script>";
    mailer.sendOnce(MailKey.of("mailbox-" + UUID.randomUUID(), new MailKind("MAILBOX_PROBE")), () -> new Mail(
        recipients.ofGroups(List.of("polri7373")), recipients.ofGroups(List.of("kesbangpol7373")),
        "[Siaga Pilkada] Undangan: " + hostile, hostile, "<p>" + hostile + "</p><img src=x onerror=alert(2)>",
        List.of(new Mail.Attachment("undangan-rakor.ics", "text/calendar; charset=UTF-8; method=REQUEST",
            "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8)))));

    ResponseEntity<String> admin = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD)
        .getForEntity("/demo/mailbox", String.class);
    assertThat(admin.getStatusCode().value()).isEqualTo(200);
    assertThat(admin.getBody()).contains("Kotak surel demo").contains("polrespalopo@siaga.demo")
        .contains("Rakor &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

    TestRestTemplate coordinator = rest.withBasicAuth("kesbangpolpalopo", SiagaSpringBootTest.DEMO_PASSWORD);
    ResponseEntity<String> detail = coordinator.getForEntity("/demo/mailbox/0", String.class);
    assertThat(detail.getStatusCode().value()).isEqualTo(200);
    assertThat(detail.getBody()).contains("sandbox=\"\"").contains("undangan-rakor.ics")
        .doesNotContain("<script>alert(1)");
    assertThat(detail.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'none'");

    assertThat(rest.withBasicAuth("polrespalopo", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/demo/mailbox", String.class).getBody()).as("invited: their agency's mail")
        .contains("polrespalopo@siaga.demo");
    assertThat(rest.withBasicAuth("kodimpalopo", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/demo/mailbox", String.class).getBody()).as("not invited").doesNotContain("polrespalopo@siaga.demo");
    assertThat(rest.withBasicAuth("kesbangpolmakassar", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/demo/mailbox/0", String.class).getStatusCode().value()).as("another region").isEqualTo(404);
    assertThat(rest.getForEntity("/demo/mailbox", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(coordinator.getForEntity("/demo/mailbox/999", String.class).getStatusCode().value()).isEqualTo(404);
  }
}
