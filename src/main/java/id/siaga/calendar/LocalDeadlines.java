package id.siaga.calendar;

import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Turns a deadline in local time ("H-1 18:00 local") into an instant for one region, in that
 * region's own zone (WIB, WITA or WIT): a WIT region's H-1 18:00 comes two hours before a WIB
 * region's.
 */
@Service
public class LocalDeadlines {

  private static final DateTimeFormatter DISPLAY =
      DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm", Locale.forLanguageTag("id-ID"));

  private final Elections elections;
  private final RegionRepository regions;

  LocalDeadlines(Elections elections, RegionRepository regions) {
    this.elections = elections;
    this.regions = regions;
  }

  /** The instant of {@code expression} in the calendar of {@code electionId} for the region. */
  public Instant deadline(String electionId, String regionCode, String expression) {
    return deadline(electionId, regionCode, expression, name -> {
      throw new IllegalArgumentException("tenggat '" + expression + "' memerlukan variabel " + name);
    });
  }

  /**
   * The instant of {@code expression} for the region; {@code variables} gives the value of a
   * {@code var:} anchor: a {@link java.util.Date}, an {@link Instant}, a {@link LocalDate}, or an
   * ISO text (date, local date-time read in the region's zone, or date-time with offset).
   */
  public Instant deadline(String electionId, String regionCode, String expression,
      Function<String, Object> variables) {
    DeadlineExpression parsed = DeadlineExpression.parse(expression);
    ZoneId zone = region(regionCode).zone().zoneId();
    if (!parsed.isVariable()) {
      if (electionId == null) {
        throw new IllegalArgumentException("tenggat '" + expression + "' memerlukan pemilihan (electionId)");
      }
      return at(regionCode, parsed.dateIn(elections.calendarOf(electionId)), parsed.time());
    }
    Object value = variables.apply(parsed.variableName());
    if (value == null) {
      throw new IllegalArgumentException("variabel '" + parsed.variableName() + "' untuk tenggat kosong");
    }
    ZonedDateTime anchor = anchorOf(value, zone);
    LocalTime time = parsed.time() != null ? parsed.time() : anchor.toLocalTime();
    return parsed.shift(anchor.toLocalDate()).atTime(time).atZone(zone).toInstant();
  }

  private static ZonedDateTime anchorOf(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone);
    }
    if (value instanceof Instant instant) {
      return instant.atZone(zone);
    }
    if (value instanceof LocalDate date) {
      return date.atTime(DeadlineExpression.END_OF_DAY).atZone(zone);
    }
    String text = value.toString().trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atTime(DeadlineExpression.END_OF_DAY).atZone(zone);
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
          LocalDateTime::from);
      return parsed instanceof OffsetDateTime odt ? odt.atZoneSameInstant(zone)
          : ((LocalDateTime) parsed).atZone(zone);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("tanggal tidak sah: '" + text + "'");
    }
  }

  /** The instant of a local date and time in the region's zone. */
  public Instant at(String regionCode, LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(region(regionCode).zone().zoneId()).toInstant();
  }

  /** The time zone of a region. */
  public ZoneId zoneOf(String regionCode) {
    return region(regionCode).zone().zoneId();
  }

  /** "Selasa, 26 November 2024 18:00 WITA": an instant as the region reads it. */
  public String display(String regionCode, Instant instant) {
    Region region = region(regionCode);
    return instant.atZone(region.zone().zoneId()).format(DISPLAY) + " " + region.zone().name();
  }

  private Region region(String regionCode) {
    return regions.find(regionCode).orElseThrow(
        () -> new IllegalArgumentException("kode wilayah tidak dikenal: " + regionCode));
  }
}
