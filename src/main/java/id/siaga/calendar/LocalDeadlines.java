package id.siaga.calendar;

import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
    DeadlineExpression parsed = DeadlineExpression.parse(expression);
    return at(regionCode, parsed.dateIn(elections.calendarOf(electionId)), parsed.time());
  }

  /** The instant of a local date and time in the region's zone. */
  public Instant at(String regionCode, LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(region(regionCode).zone().zoneId()).toInstant();
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
