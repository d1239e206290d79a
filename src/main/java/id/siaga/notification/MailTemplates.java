package id.siaga.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates ({@code templates/mail/<name>.html} and {@code .txt}); a feature keeps
 * its own in {@code templates/mail/<feature>/} and names them {@code "<feature>/<template>"}. Every
 * HTML mail is framed by {@code layout.html} (head, font, footer), every text mail ends with
 * {@code footer.txt}. HTML templates escape every value ({@code th:text}), so a task name or form
 * value with markup or script arrives as text.
 */
@Component
public class MailTemplates {

  public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  /** The HTML of a mail; {@code document} is false unless {@link PdfDocuments} renders it as a PDF. */
  public String html(String template, Map<String, Object> model) {
    Context context = new Context(INDONESIAN, model);
    if (!model.containsKey("document")) {
      context.setVariable("document", false);
    }
    return html.process(template, context);
  }

  public String text(String template, Map<String, Object> model) {
    return text.process(template, new Context(INDONESIAN, model));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
