package id.siaga.calendar;

import java.time.LocalDate;

/**
 * An election the product runs: real ({@code pilkada-2024}) or a simulation derived from a
 * calendar by moving voting day.
 */
public record Election(String id, String name, String baseCalendar, LocalDate votingDay, boolean simulation) {}
