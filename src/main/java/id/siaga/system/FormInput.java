package id.siaga.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads and checks what a form submitted (a Camunda Form in Tasklist, or the same variables
 * through the REST API). Every problem is collected with the field's label in Bahasa Indonesia;
 * {@link #refuseIfInvalid()} then refuses them all at once. Thrown inside the engine command, the
 * refusal rolls the whole submission back: nothing changes. Tasklist and the REST API answer a
 * {@link FormFieldValidationException} with 400 and its message.
 */
public final class FormInput {

  /** Markup, script URLs and inline event handlers: refused in every text field. */
  private static final Pattern SCRIPT_LIKE =
      Pattern.compile("<\\s*[a-zA-Z/!?]|javascript\\s*:|\\bon[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Object> values;
  private final List<String> problems = new ArrayList<>();

  public FormInput(Function<String, Object> values) {
    this.values = values;
  }

  public FormInput(Map<String, ?> values) {
    this(values::get);
  }

  /** The raw value of a field as submitted (null when absent), for a rule that reads it itself. */
  public Object value(String key) {
    return values.apply(key);
  }

  /** A text of at most {@code max} characters, trimmed; null when optional and empty. */
  public String text(String key, String label, int max, boolean required) {
    Object raw = values.apply(key);
    String untrimmed = raw == null ? "" : raw.toString();
    String text = untrimmed.trim();
    if (CONTROL.matcher(untrimmed).find()) {
      problem(label + " tidak boleh berisi kode, tag HTML atau karakter kendali");
      return null;
    }
    if (text.isEmpty()) {
      if (required) {
        problem(label + " wajib diisi");
      }
      return null;
    }
    if (text.length() > max) {
      problem(label + " terlalu panjang (" + text.length() + " karakter, paling banyak " + max + ")");
      return null;
    }
    if (SCRIPT_LIKE.matcher(text).find()) {
      problem(label + " tidak boleh berisi kode, tag HTML atau karakter kendali");
      return null;
    }
    return text;
  }

  /** A required whole number between {@code min} and {@code max}. */
  public Integer wholeNumber(String key, String label, int min, int max) {
    Object raw = values.apply(key);
    if (raw == null || raw.toString().isBlank()) {
      problem(label + " wajib diisi");
      return null;
    }
    long number;
    try {
      double parsed = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
      if (parsed != Math.rint(parsed)) {
        problem(label + " harus bilangan bulat");
        return null;
      }
      number = (long) parsed;
    } catch (NumberFormatException e) {
      problem(label + " harus berupa angka");
      return null;
    }
    if (number < min || number > max) {
      problem(label + " harus antara " + min + " dan " + max);
      return null;
    }
    return (int) number;
  }

  /** One of the constants of {@code type}, by name; required. */
  public <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
    Object raw = values.apply(key);
    if (raw == null || raw.toString().isBlank()) {
      problem(label + " wajib dipilih");
      return null;
    }
    return choiceOf(raw.toString(), label, type);
  }

  /** Each given value as a constant of {@code type}; unknown values are problems. */
  public <E extends Enum<E>> List<E> choices(String key, String label, Class<E> type) {
    List<E> chosen = new ArrayList<>();
    for (Object value : list(key, label)) {
      E constant = choiceOf(String.valueOf(value), label, type);
      if (constant != null && !chosen.contains(constant)) {
        chosen.add(constant);
      }
    }
    return chosen;
  }

  private <E extends Enum<E>> E choiceOf(String value, String label, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(label + ": pilihan tidak dikenal '" + abbreviate(value) + "'");
      return null;
    }
  }

  /** A local date and time ("2026-12-10T09:00"), as a Camunda Form submits it without a zone. */
  public LocalDateTime localDateTime(String key, String label) {
    Object raw = values.apply(key);
    if (raw == null || raw.toString().isBlank()) {
      problem(label + " wajib diisi");
      return null;
    }
    try {
      return LocalDateTime.parse(raw.toString().trim());
    } catch (DateTimeParseException e) {
      problem(label + " bukan tanggal dan jam yang sah (contoh 2026-12-10T09:00)");
      return null;
    }
  }

  /** A local date ("2026-12-20"). */
  public LocalDate localDate(Object raw, String label) {
    if (raw == null || raw.toString().isBlank()) {
      problem(label + " wajib diisi");
      return null;
    }
    try {
      return LocalDate.parse(raw.toString().trim());
    } catch (DateTimeParseException e) {
      problem(label + " bukan tanggal yang sah (contoh 2026-12-20)");
      return null;
    }
  }

  /**
   * A list: a JSON variable (as Tasklist submits checklists and dynamic lists), a JSON text or a
   * Java collection. Absent means empty.
   */
  public List<Object> list(String key, String label) {
    Object raw = values.apply(key);
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    String json = raw.toString().trim();
    if (json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Object>>() {});
    } catch (JsonProcessingException e) {
      problem(label + " bukan daftar yang sah");
      return List.of();
    }
  }

  /** A list of objects (the rows of a dynamic list), each as a map of its fields. */
  public List<Map<String, Object>> rows(String key, String label) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object row : list(key, label)) {
      if (row instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        rows.add(copy);
      } else {
        problem(label + " berisi baris yang tidak sah");
      }
    }
    return rows;
  }

  /** Records a problem found by a rule outside this class. */
  public void problem(String message) {
    problems.add(message);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Refuses the submission with every problem found, or returns when there is none. */
  public void refuseIfInvalid() {
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems,
          "Isian tidak sah: " + String.join("; ", problems) + ". Tidak ada yang diubah.");
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /** Refuses a submission or start with one message; nothing is changed. */
  public static void refuse(String message) {
    FormInput refusal = new FormInput(Map.of());
    refusal.problem(message);
    refusal.refuseIfInvalid();
  }

  /**
   * A value the caller sent, repeated in a message: at most 40 characters, anything but letters,
   * digits and ". _-" replaced by "?" (so that a refusal never carries markup back).
   */
  public static String echo(String value) {
    String safe = value == null ? "" : value.replaceAll("[^\\p{Alnum} ._-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
  }
}
