package id.siaga.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Form (form-js JSON) lets a user submit, and the check of a submission
 * against them: a name the form does not declare, a value of the wrong type, or a value larger
 * than {@link #MAX_VALUE_LENGTH} is refused. Display-only components (text, disabled fields) submit
 * nothing. A read-only field may come back with the submission (as a row of a dynamic list shows
 * the kecamatan it is about), so it is accepted as a field; what it carries is the server's to
 * ignore or check. Plain rules: no engine, no Spring.
 */
public final class FormFields {

  /** The largest value any field may carry (characters of its text or JSON form). */
  public static final int MAX_VALUE_LENGTH = 32_768;

  /** What a form field submits. */
  public enum Kind { TEXT, NUMBER, BOOLEAN, LIST, OPTION }

  /** What a submitted value is, as far as the check cares. */
  public enum ValueKind { NULL, STRING, NUMBER, BOOLEAN, JSON, JAVA_OBJECT, OTHER }

  /**
   * A submitted value.
   *
   * @param text the string, number or boolean as text, or the JSON document; null for NULL
   * @param typeName the variable type as the engine named it, for messages
   */
  public record Value(ValueKind kind, String text, String typeName) {}

  /**
   * A field the user may submit.
   *
   * @param itemKeys for a dynamic list: the keys each of its entries may have
   */
  public record Field(String key, String label, Kind kind, Set<String> itemKeys) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "datetime");
  private static final Set<String> OPTION_TYPES = Set.of("radio", "select");
  private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist");

  private final String formId;
  private final Map<String, Field> fields;

  private FormFields(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  /** No form: nothing may be submitted. */
  public static FormFields none() {
    return new FormFields(null, Map.of());
  }

  public static FormFields parse(InputStream form) throws IOException {
    JsonNode schema = JSON.readTree(form);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema.path("components"), fields);
    return new FormFields(schema.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      boolean displayOnly = component.path("disabled").asBoolean(false);
      String label = component.path("label").asText(component.path("key").asText(""));
      if ("dynamiclist".equals(type) && component.hasNonNull("path") && !displayOnly) {
        Map<String, Field> items = new LinkedHashMap<>();
        collect(component.path("components"), items);
        String path = component.path("path").asText();
        fields.put(path, new Field(path, label, Kind.LIST, Set.copyOf(items.keySet())));
      } else if ("group".equals(type) && !component.hasNonNull("path")) {
        collect(component.path("components"), fields);
      } else if (component.hasNonNull("key") && !displayOnly) {
        Kind kind = kindOf(type);
        if (kind != null) {
          String key = component.path("key").asText();
          fields.put(key, new Field(key, label, kind, Set.of()));
        }
      }
    }
  }

  /** Components this product does not use (groups with a path, expressions, files) submit nothing. */
  private static Kind kindOf(String type) {
    if (TEXT_TYPES.contains(type)) {
      return Kind.TEXT;
    }
    if (OPTION_TYPES.contains(type)) {
      return Kind.OPTION;
    }
    if (LIST_TYPES.contains(type)) {
      return Kind.LIST;
    }
    return switch (type) {
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.BOOLEAN;
      default -> null;
    };
  }

  public Map<String, Field> fields() {
    return fields;
  }

  /** The problems of a submission, in Bahasa Indonesia; empty when it may be submitted. */
  public List<String> problems(Map<String, Value> submitted) {
    List<String> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    submitted.forEach((name, value) -> {
      Field field = fields.get(name);
      if (field == null) {
        unknown.add(name);
        return;
      }
      String problem = problem(field, value);
      if (problem != null) {
        problems.add(problem);
      }
    });
    if (!unknown.isEmpty()) {
      problems.add(0, (formId == null ? "Tugas ini tidak menerima isian" : "Formulir " + formId
          + " tidak memuat isian") + " " + String.join(", ", unknown.stream().sorted().map(FormFields::quoted).toList()));
    }
    return problems;
  }

  private static String problem(Field field, Value value) {
    if (value.kind() == ValueKind.NULL) {
      return null;
    }
    if (value.kind() == ValueKind.JAVA_OBJECT) {
      return quoted(field.key()) + ": objek Java tidak diterima";
    }
    if (value.text() != null && value.text().length() > MAX_VALUE_LENGTH) {
      return quoted(field.key()) + ": isian lebih dari " + MAX_VALUE_LENGTH + " karakter";
    }
    boolean fits = switch (field.kind()) {
      case TEXT -> value.kind() == ValueKind.STRING;
      case OPTION -> value.kind() == ValueKind.STRING || value.kind() == ValueKind.NUMBER;
      case NUMBER -> value.kind() == ValueKind.NUMBER;
      case BOOLEAN -> value.kind() == ValueKind.BOOLEAN;
      case LIST -> value.kind() == ValueKind.JSON && listProblem(field, value.text()) == null;
    };
    if (fits) {
      return null;
    }
    if (field.kind() == Kind.LIST && value.kind() == ValueKind.JSON) {
      return quoted(field.key()) + ": " + listProblem(field, value.text());
    }
    return quoted(field.key()) + ": jenis " + value.typeName() + " tidak sesuai (diharapkan " + expected(field.kind()) + ")";
  }

  private static String listProblem(Field field, String json) {
    JsonNode list;
    try {
      list = JSON.readTree(json);
    } catch (IOException e) {
      return "bukan JSON yang sah";
    }
    if (list == null || !list.isArray()) {
      return "harus berupa daftar";
    }
    for (JsonNode entry : list) {
      if (field.itemKeys().isEmpty()) {
        if (!entry.isValueNode()) {
          return "setiap pilihan harus berupa teks atau angka";
        }
      } else {
        if (!entry.isObject()) {
          return "setiap butir harus berupa objek";
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (!field.itemKeys().contains(name)) {
            return "butir memuat isian " + quoted(name) + " yang tidak ada di formulir";
          }
          if (!entry.get(name).isValueNode()) {
            return "isian " + quoted(name) + " harus berupa teks atau angka";
          }
        }
      }
    }
    return null;
  }

  private static String expected(Kind kind) {
    return switch (kind) {
      case TEXT -> "teks";
      case OPTION -> "pilihan";
      case NUMBER -> "angka";
      case BOOLEAN -> "ya/tidak";
      case LIST -> "daftar";
    };
  }

  private static String quoted(String name) {
    return "'" + name.replaceAll("[^\\p{Alnum}_.-]", "?") + "'";
  }
}
