package id.siaga.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** The election calendars shipped as data files ({@code calendar/*.yaml}). */
@Component
public class CalendarCatalog {

  private final Map<String, ElectionCalendar> calendars = new TreeMap<>();

  public CalendarCatalog() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver()
          .getResources("classpath*:calendar/*.yaml")) {
        try (InputStream in = resource.getInputStream()) {
          ElectionCalendar calendar = parse(new Yaml().load(in));
          calendars.put(calendar.id(), calendar);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the election calendars", e);
    }
  }

  public Optional<ElectionCalendar> find(String id) {
    return Optional.ofNullable(calendars.get(id));
  }

  public ElectionCalendar get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("kalender pemilihan tidak dikenal: " + id));
  }

  @SuppressWarnings("unchecked")
  static ElectionCalendar parse(Map<String, Object> data) {
    List<Map<String, Object>> stages = (List<Map<String, Object>>) data.get("stages");
    return new ElectionCalendar(
        (String) data.get("id"),
        (String) data.get("name"),
        date(data.get("votingDay")),
        stages.stream().map(s -> new Stage((String) s.get("code"), (String) s.get("name"),
            date(s.get("start")), date(s.get("end")))).toList());
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(String.valueOf(value));
  }
}
