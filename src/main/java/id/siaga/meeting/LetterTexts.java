package id.siaga.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How an official letter writes dates and times: "Kamis, 10 Desember 2026", "pukul 09.00 s.d.
 * 11.00 WITA", "Palopo, 24 November 2026". Plain rules.
 */
final class LetterTexts {

  private LetterTexts() {}

  static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", INDONESIAN);
  /** Shown where the convening agency writes the number by hand on the printed letter. */
  static final String NO_NUMBER = "....................";

  static String day(Instant at, ZoneId zone) {
    return at.atZone(zone).format(DAY);
  }

  static String date(LocalDate date) {
    return date.format(DATE);
  }

  /** "pukul 09.00 s.d. 11.00 WITA"; a meeting that runs past midnight says so. */
  static String time(Instant start, Instant end, ZoneId zone, String zoneName) {
    String until = end.atZone(zone).format(TIME);
    if (!end.atZone(zone).toLocalDate().equals(start.atZone(zone).toLocalDate())) {
      until += " (" + end.atZone(zone).format(DAY) + ")";
    }
    return "pukul " + start.atZone(zone).format(TIME) + " s.d. " + until + " " + zoneName;
  }

  /** The place a letter is dated at: the city or regency's name without "Kota " or "Kabupaten ". */
  static String place(String regionName) {
    return regionName.replaceFirst("^(Kota Administrasi|Kota|Kabupaten Administrasi|Kabupaten|Provinsi) ", "");
  }

  /** The letter's subject (perihal). */
  static String subject(boolean cancelled, boolean updated) {
    return cancelled ? "Pembatalan Rapat Koordinasi" : updated ? "Perubahan Jadwal Rapat Koordinasi"
        : "Undangan Rapat Koordinasi";
  }
}
