package id.siaga.notification;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * Official documents as PDF from the same Thymeleaf templates as the mails
 * ({@code templates/mail/<feature>/<name>.html}): the template is rendered with {@code document}
 * set (A4 page, no mail footer, no buttons: {@code layout.html}), parsed by jsoup into a DOM and laid
 * out by openhtmltopdf on PDFBox. Values are escaped by the templates ({@code th:text}), so a form's
 * text arrives as text; the documents load nothing from outside (no images, no fonts: the PDF's
 * standard Helvetica, which covers Indonesian).
 */
@Component
public class PdfDocuments {

  public static final String CONTENT_TYPE = "application/pdf";

  private final MailTemplates templates;

  PdfDocuments(MailTemplates templates) {
    this.templates = templates;
  }

  /** The document; {@code model} as for the mail, plus {@code generatedAt} for the footer line. */
  public byte[] render(String template, Map<String, Object> model) {
    Map<String, Object> values = new HashMap<>(model);
    values.put("document", true);
    values.putIfAbsent("generatedAt", "");
    org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(templates.html(template, values)));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withW3cDocument(dom, null);
      builder.useUriResolver((base, uri) -> null); // nothing is fetched: no images, fonts or style sheets
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF " + template, e);
    }
    return pdf.toByteArray();
  }

  /** The document as a mail attachment. */
  public Mail.Attachment attachment(String fileName, String template, Map<String, Object> model) {
    return new Mail.Attachment(fileName, CONTENT_TYPE, render(template, model));
  }
}
