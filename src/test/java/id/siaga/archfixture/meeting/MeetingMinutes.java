package id.siaga.archfixture.meeting;

/** A plain class of the meeting feature. */
public record MeetingMinutes(String text) {}
