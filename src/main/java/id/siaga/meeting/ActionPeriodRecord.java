package id.siaga.meeting;

import java.time.Instant;
import java.time.LocalDate;

/** One period of a recurring action item as its owner confirmed it: carried out or not, and when. */
public record ActionPeriodRecord(String itemId, int number, LocalDate firstDay, LocalDate lastDay, Instant dueAt,
    boolean executed, String note, String confirmedBy, Instant confirmedAt, boolean late) {}
