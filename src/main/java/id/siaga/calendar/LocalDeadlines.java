package id.siaga.calendar;

import id.siaga.region.RegionRepository;
import id.siaga.region.Zone;
import java.time.Duration;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Turns a deadline in local time ("H-1 18:00 local") into an instant for one region, in that
 * region's own zone (WIB, WITA or WIT): a WIT region's H-1 18:00 comes two hours before a WIB
 * region's.
 */
@Service
public class LocalDeadlines {

  private static final DateTimeFormatter DISPLAY =
      DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm", Locale.forLanguageTag("id-ID"));

  /** The prefix of a due rule that a variable holds (e.g. the result of a DMN table). */
  public static final String RULE_VARIABLE = "rule:";

  private static final Pattern RULE_SYNTAX = Pattern.compile("^rule:([A-Za-z_][A-Za-z0-9_]*)$");

  private final Elections elections;
  private final RegionRepository regions;
  private final WorkingDays workingDays;

  LocalDeadlines(Elections elections, RegionRepository regions, WorkingDays workingDays) {
    this.elections = elections;
    this.regions = regions;
    this.workingDays = workingDays;
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
    return deadline(electionId, regionCode, expression, variables, Instant::now);
  }

  /**
   * As above, with the moment a rule without anchor ({@code +2j}) counts from (asked only for
   * such a rule): the engine's clock when a task is created. {@code rule:name} reads the rule itself from a variable (for
   * example the result of a DMN table); that rule may not point to a further rule.
   */
  public Instant deadline(String electionId, String regionCode, String expression,
      Function<String, Object> variables, Supplier<Instant> now) {
    String rule = expression;
    if (rule != null && rule.trim().startsWith(RULE_VARIABLE)) {
      Matcher m = RULE_SYNTAX.matcher(rule.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("nama variabel tenggat tidak sah: '" + rule + "'");
      }
      Object value = variables.apply(m.group(1));
      if (value == null || value.toString().isBlank()) {
        throw new IllegalArgumentException("variabel '" + m.group(1) + "' untuk aturan tenggat kosong");
      }
      rule = value.toString();
      if (rule.trim().startsWith(RULE_VARIABLE)) {
        throw new IllegalArgumentException("aturan tenggat di variabel '" + m.group(1)
            + "' tidak boleh menunjuk variabel aturan lain: '" + rule + "'");
      }
    }
    DeadlineExpression parsed = DeadlineExpression.parse(rule);
    ZoneId zone = zone(regionCode).zoneId();
    if (!parsed.isVariable() && !parsed.isNow()) {
      if (electionId == null) {
        throw new IllegalArgumentException("tenggat '" + rule + "' memerlukan pemilihan (electionId)");
      }
      return at(regionCode, parsed.dateIn(elections.calendarOf(electionId), workingDays), parsed.time());
    }
    ZonedDateTime anchor;
    if (parsed.isNow()) {
      anchor = now.get().atZone(zone);
    } else {
      Object value = variables.apply(parsed.variableName());
      if (value == null) {
        throw new IllegalArgumentException("variabel '" + parsed.variableName() + "' untuk tenggat kosong");
      }
      anchor = anchorOf(value, zone);
    }
    if (parsed.inHours()) {
      return anchor.toInstant().plus(Duration.ofHours(parsed.offset()));
    }
    LocalTime time = parsed.time() != null ? parsed.time() : anchor.toLocalTime();
    return parsed.shift(anchor.toLocalDate(), workingDays).atTime(time).atZone(zone).toInstant();
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
    if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(zone);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(zone);
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(zone);
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
    return date.atTime(time).atZone(zone(regionCode).zoneId()).toInstant();
  }

  /** As {@link #at(String, LocalDate, LocalTime)}, for a caller that knows the zone already. */
  public Instant at(Zone zone, LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(zone.zoneId()).toInstant();
  }

  /** The time zone of a region. */
  public ZoneId zoneOf(String regionCode) {
    return zone(regionCode).zoneId();
  }

  /** "Selasa, 26 November 2024 pukul 18.00 WITA": an instant as the region reads it, as letters write it. */
  public String display(String regionCode, Instant instant) {
    return display(zone(regionCode), instant);
  }

  /** As {@link #display(String, Instant)}, for a caller that knows the zone already. */
  public String display(Zone zone, Instant instant) {
    return instant.atZone(zone.zoneId()).format(DISPLAY) + " " + zone.name();
  }

  private Zone zone(String regionCode) {
    return regions.zoneOf(regionCode).orElseThrow(
        () -> new IllegalArgumentException("kode wilayah tidak dikenal: " + regionCode));
  }
}
