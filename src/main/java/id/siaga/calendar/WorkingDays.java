package id.siaga.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Which days are working days (hari kerja): Monday to Friday, except national holidays and cuti
 * bersama, kept as data with their sources in {@code holidays/national.yaml}. A year the file
 * does not cover counts Monday to Friday only ({@link #covers(int)} tells).
 */
@Component
public class WorkingDays {

  /** A day off by decree. */
  public record Holiday(LocalDate date, String name, Kind kind, String source, String url) {}

  /** Hari libur nasional, or cuti bersama (collective leave that government offices observe). */
  public enum Kind {
    LIBUR,
    CUTI
  }

  private final Map<LocalDate, Holiday> holidays = new TreeMap<>();
  private final Set<Integer> years = new TreeSet<>();

  public WorkingDays() {
    this("holidays/national.yaml");
  }

  @SuppressWarnings("unchecked")
  WorkingDays(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      Map<String, Object> data = new Yaml().load(in);
      Map<Object, Map<String, Object>> perYear = (Map<Object, Map<String, Object>>) data.get("years");
      perYear.forEach((year, content) -> {
        int y = Integer.parseInt(String.valueOf(year));
        String source = required(content, "source", resource);
        String url = required(content, "url", resource);
        for (Map<String, Object> day : (List<Map<String, Object>>) content.get("days")) {
          LocalDate date = LocalDate.parse(required(day, "date", resource));
          if (date.getYear() != y) {
            throw new IllegalStateException(resource + ": " + date + " listed under " + y);
          }
          Holiday holiday = new Holiday(date, required(day, "name", resource),
              Kind.valueOf(required(day, "kind", resource).toUpperCase()),
              day.containsKey("source") ? String.valueOf(day.get("source")) : source,
              day.containsKey("url") ? String.valueOf(day.get("url")) : url);
          if (holidays.put(date, holiday) != null) {
            throw new IllegalStateException(resource + ": " + date + " listed twice");
          }
        }
        years.add(y);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String required(Map<String, Object> map, String key, String resource) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalStateException(resource + ": '" + key + "' missing in " + map);
    }
    return String.valueOf(value);
  }

  public boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.containsKey(date);
  }

  public Optional<Holiday> holiday(LocalDate date) {
    return Optional.ofNullable(holidays.get(date));
  }

  /** Whether the holidays of this year are known (otherwise only weekends are skipped). */
  public boolean covers(int year) {
    return years.contains(year);
  }

  /** The holidays of one year, in date order. */
  public List<Holiday> of(int year) {
    List<Holiday> result = new ArrayList<>();
    holidays.values().stream().filter(h -> h.date().getYear() == year).forEach(result::add);
    return Collections.unmodifiableList(result);
  }

  /**
   * {@code base} moved by {@code offset} working days: forwards counts the working days after
   * {@code base}, backwards the ones before it. {@code base} itself need not be a working day.
   */
  public LocalDate plus(LocalDate base, int offset) {
    LocalDate date = base;
    int step = offset < 0 ? -1 : 1;
    for (int left = Math.abs(offset); left > 0; ) {
      date = date.plusDays(step);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }
}
