package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every Camunda webapp speaks Bahasa Indonesia (Tasklist for officers, Cockpit for coordinators,
 * Admin for administrators, the welcome page for everyone): the served config.js of each is ours (it
 * shadows the webjar's) and offers Indonesian only, the served id.json translates every label of the
 * webjar's en.json without the words officers misread (docs/glossary.md), and the served
 * user-styles.css hides the Camunda 8 migration banner. When a Camunda upgrade adds labels, this
 * test names the keys to translate, per app.
 */
@SiagaSpringBootTest
class WebappsIndonesianTest {

  static final String WEBJAR_APP = "META-INF/resources/webjars/camunda/app/";

  /** English values that are also the Indonesian word, a name or a symbol. */
  static final Set<String> SAME_IN_BOTH = Set.of(
      "Filter", "Email", "ID", "Admin", "Cockpit", "Tasklist", "Camunda", "Diagram", "Operator", "Label",
      "Status", "Total", "Valid", "Minimum:", "BPMN", "DMN", "CMMN", "JSON", "XML", "OK", "s", "null", "ID*",
      "Camunda Cockpit", "YYYY-MM-DDTHH:mm:ss",
      // variable types, shown as Camunda's type names
      "Boolean", "Double", "Integer", "Long", "Short", "String", "Bytes", "Date", "Null", "Object", "File", "Json",
      "<null>", "<", "<=", ">", ">=");

  /** Words officers misread in the first translations (docs/glossary.md), as whole words. */
  static final Pattern MISREAD = Pattern.compile("(?i)\\b(instans|kandidat|klaim|kunci bisnis|zona waktu setempat|"
      + "pembebasan)\\b");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");
  static final Pattern HTML_TAG = Pattern.compile("</?(?:a|br|b|i|em|strong|code|p|span)\\b[^>]*>");

  @Autowired TestRestTemplate http;

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theServedConfigIsOursAndOffersIndonesianOnly(String app) throws IOException {
    List<URL> configs = Collections.list(getClass().getClassLoader().getResources(WEBJAR_APP + app + "/scripts/config.js"));
    assertThat(configs).as("ours and the webjar's").hasSize(2);
    assertThat(configs.get(0).toString()).as("ours comes first").doesNotContain("camunda-webapp-webjar");
    assertThat(configs.get(1).toString()).contains("camunda-webapp-webjar");

    String served = get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(served).contains("Siaga Pilkada");
    assertThat(list(served, "availableLocales")).containsExactly("id");
    assertThat(single(served, "fallbackLocale")).isEqualTo("id");

    // the stock shortcuts (Tasklist has some) are all still there, with their keys; their descriptions are Indonesian
    String stock = read(configs.get(1));
    List<String> stockKeys = all(stock, "key");
    assertThat(all(served, "key")).containsExactlyElementsOf(stockKeys);
    if (!stockKeys.isEmpty()) {
      assertThat(all(served, "description")).hasSameSizeAs(stockKeys)
          .doesNotContainAnyElementsOf(all(stock, "description"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theServedIndonesianLabelsTranslateEveryEnglishLabel(String app) throws IOException {
    JsonNode english;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEBJAR_APP + app + "/locales/en.json")) {
      assertThat(in).as("en.json of the webjar").isNotNull();
      english = json.readTree(in); // UTF-8 with a byte order mark: Jackson skips it
    }
    JsonNode indonesian = json.readTree(get("/camunda/app/" + app + "/locales/id.json"));

    Map<String, String> problems = new TreeMap<>();
    english.get("labels").fields().forEachRemaining(label -> {
      String key = label.getKey();
      String en = label.getValue().asText();
      JsonNode translated = indonesian.get("labels").get(key);
      if (translated == null) {
        problems.put(key, "missing (English: \"" + en + "\")");
        return;
      }
      String id = translated.asText();
      if (id.isBlank()) {
        problems.put(key, "empty");
      } else if (id.equals(en) && !SAME_IN_BOTH.contains(en) && !en.matches("[A-Z0-9_ .:/()-]+")) {
        problems.put(key, "still English: \"" + en + "\"");
      } else if (MISREAD.matcher(id).find()) {
        problems.put(key, "a misread word (docs/glossary.md): \"" + id + "\"");
      }
      for (String kept : union(matches(PLACEHOLDER, en), matches(HTML_TAG, en))) {
        if (!id.contains(kept)) {
          problems.put(key, "lost " + kept + ": \"" + id + "\"");
        }
      }
    });
    assertThat(problems).as(app + ": labels of en.json to translate in id.json").isEmpty();
    assertThat(indonesian.get("labels").size()).isEqualTo(english.get("labels").size());
  }

  @Test
  void theWordsOfficersMisreadAreReplaced() throws IOException {
    JsonNode tasklist = json.readTree(get("/camunda/app/tasklist/locales/id.json")).get("labels");
    assertThat(tasklist.get("START_PROCESS").asText()).isEqualTo("Mulai proses");
    assertThat(tasklist.get("COMPLETE").asText()).isEqualTo("Selesaikan");
    assertThat(tasklist.get("CLAIM_TASK").asText()).isEqualTo("Ambil");
    assertThat(tasklist.get("CANDIDATE_GROUP").asText()).isEqualTo("Instansi penerima");
    assertThat(tasklist.get("BUSINESS_KEY").asText()).isEqualTo("Nomor rujukan");
    assertThat(tasklist.get("CAM_WIDGET_FOOTER_TIMEZONE").asText()).contains("zona waktu perangkat Anda");
    JsonNode cockpit = json.readTree(get("/camunda/app/cockpit/locales/id.json")).get("labels");
    assertThat(cockpit.get("BANNER_CE_EOL_TEXT").asText()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrationBannerIsHidden(String app) {
    assertThat(get("/camunda/app/" + app + "/styles/user-styles.css"))
        .contains("[cam-widget-header] .ce-eol-banner").contains("display: none");
  }

  @Test
  void datesAreIndonesian() throws IOException {
    JsonNode english;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEBJAR_APP + "tasklist/locales/en.json")) {
      english = json.readTree(in);
    }
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      JsonNode dates = json.readTree(get("/camunda/app/" + app + "/locales/id.json")).get("dateLocales");
      english.get("dateLocales").fields().forEachRemaining(part -> {
        assertThat(dates.has(part.getKey())).as("%s dateLocales.%s", app, part.getKey()).isTrue();
        part.getValue().fieldNames().forEachRemaining(name ->
            assertThat(dates.get(part.getKey()).has(name)).as("dateLocales.%s.%s", part.getKey(), name).isTrue());
      });
      assertThat(dates.get("months").get(7).asText()).isEqualTo("Agustus");
      assertThat(dates.get("weekdays").get(5).asText()).isEqualTo("Jumat");
      assertThat(dates.get("relativeTime").get("future").asText()).isEqualTo("dalam %s");
      assertThat(dates.get("relativeTime").get("past").asText()).isEqualTo("%s yang lalu");
    }
  }

  private String get(String path) {
    ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The string values of {@code name: '...'} outside comments, in order. */
  private static List<String> all(String script, String name) {
    String code = script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    Matcher m = Pattern.compile("[\"']?" + name + "[\"']?\\s*:\\s*[\"']([^\"']*)[\"']").matcher(code);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  private static String single(String script, String name) {
    List<String> values = all(script, name);
    assertThat(values).as(name).hasSize(1);
    return values.get(0);
  }

  /** The string elements of {@code name: [...]} outside comments. */
  private static List<String> list(String script, String name) {
    String code = script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    Matcher m = Pattern.compile("[\"']?" + name + "[\"']?\\s*:\\s*\\[([^]]*)]").matcher(code);
    assertThat(m.find()).as(name).isTrue();
    return matches(Pattern.compile("[^\"'\\s,]+"), m.group(1));
  }

  private static List<String> matches(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
