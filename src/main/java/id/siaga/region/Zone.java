package id.siaga.region;

import java.time.ZoneId;

/** Indonesia's three time zones. Every deadline in the field is local time in one of them. */
public enum Zone {
  WIB("Asia/Jakarta"),
  WITA("Asia/Makassar"),
  WIT("Asia/Jayapura");

  private final ZoneId zoneId;

  Zone(String zoneId) {
    this.zoneId = ZoneId.of(zoneId);
  }

  public ZoneId zoneId() {
    return zoneId;
  }
}
