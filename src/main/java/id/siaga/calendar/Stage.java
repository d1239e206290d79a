package id.siaga.calendar;

import java.time.LocalDate;

/** One stage of an election: a window of local dates, the same in every region's own zone. */
public record Stage(String code, String name, LocalDate start, LocalDate end) {

  Stage shiftedBy(long days) {
    return new Stage(code, name, start.plusDays(days), end.plusDays(days));
  }
}
