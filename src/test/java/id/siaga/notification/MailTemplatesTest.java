package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Templates per feature with one frame: every HTML mail gets its head, font and footer from
 * {@code templates/mail/layout.html}, every text mail its footer from {@code footer.txt}; no
 * feature's template copies them.
 */
class MailTemplatesTest {

  static final String FOOTER = "Surel ini dikirim otomatis oleh Siaga Pilkada. Jangan membalas surel ini.";

  final MailTemplates templates = new MailTemplates();

  @Test
  void aFeaturesHtmlTemplateIsFramedByTheLayoutAndEscapesItsValues() {
    String html = templates.html("probe/probe", Map.of("title", "Judul <b>", "name", "<script>alert(1)</script>"));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"id\">").contains("<meta charset=\"UTF-8\">")
        .contains("<title>Judul &lt;b&gt;</title>")
        .contains("<body style=\"font-family: Arial, Helvetica, sans-serif; color: #1f2933; max-width: 760px;\">")
        .contains("<h2>Uji tata letak</h2>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>").doesNotContain("xmlns:th").doesNotContain("th:text").doesNotContain("Isi surel");
    assertThat(html.split(FOOTER, -1)).as("the footer once, after the content").hasSize(2);
    assertThat(html.indexOf(FOOTER)).isGreaterThan(html.indexOf("Uji tata letak"));
  }

  @Test
  void aFeaturesTextTemplateEndsWithTheSharedFooter() {
    String text = templates.text("probe/probe", Map.of("name", "Polres Palopo"));

    assertThat(text).isEqualTo("UJI TATA LETAK\nNama: Polres Palopo\n\n--\n" + FOOTER + "\n");
  }

  @Test
  void everyTemplateInAFeaturesFolderUsesTheLayoutAndCopiesNoFooter() throws Exception {
    Resource[] html = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/mail/*/*.html");
    Resource[] text = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/mail/*/*.txt");
    assertThat(html).extracting(Resource::getFilename)
        .contains("meeting-invitation.html", "meeting-minutes.html", "daily-digest.html");
    assertThat(text).hasSameSizeAs(html);
    for (Resource template : html) {
      assertThat(template.getContentAsString(StandardCharsets.UTF_8)).as(template.getDescription())
          .contains("th:replace=\"~{layout :: mail(").contains("th:fragment=\"content\"").doesNotContain(FOOTER)
          .doesNotContain("<head>");
    }
    // a document that is only a PDF (templates/mail/<feature>/documents/) has no text version, and the same frame
    Resource[] documents = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:templates/mail/*/documents/*.html");
    assertThat(documents).extracting(Resource::getFilename).contains("attendance-list.html");
    for (Resource template : documents) {
      assertThat(template.getContentAsString(StandardCharsets.UTF_8)).as(template.getDescription())
          .contains("th:replace=\"~{layout :: mail(").contains("th:fragment=\"content\"").doesNotContain("<head>");
    }
    for (Resource template : text) {
      assertThat(template.getContentAsString(StandardCharsets.UTF_8)).as(template.getDescription())
          .contains("[# th:insert=\"~{footer}\" /]").doesNotContain(FOOTER);
    }
  }
}
