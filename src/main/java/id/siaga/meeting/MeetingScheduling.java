package id.siaga.meeting;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.ElectionCalendar;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.calendar.ElectionRepository;
import id.siaga.calendar.Elections;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.calendar.Stage;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.FormInput;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The rules of scheduling a coordination meeting: which region (a province or regency/city with a race), which
 * stage of which election, when (local time, in the future, before the stage ends), who convenes
 * and who is invited (agencies that exist in the region). Read from the schedule form; every
 * problem is reported at once.
 */
@Service
class MeetingScheduling {

  static final int TITLE_MAX = 200;
  static final int VENUE_MAX = 200;
  static final int AGENDA_MAX = 2000;
  static final int REASON_MAX = 1000;
  static final int LETTER_NUMBER_MAX = 100;
  /** A Rakor lasts two hours unless the form says otherwise; from half an hour to a working day. */
  static final int DEFAULT_DURATION_MINUTES = 120;
  static final int MIN_DURATION_MINUTES = 30;
  static final int MAX_DURATION_MINUTES = 480;
  static final String NATIONAL = "NASIONAL";
  static final String KEMENDAGRI = "KEMENDAGRI";
  /** The Kemendagri group, convener of national forums with the national desk. */
  static final String KEMENDAGRI_GROUP = "kemendagri";
  static final String ALL_PROVINCES = "SEMUA";
  static final String PROVINCE_PREFIX = "PROVINSI_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final ElectionRepository electionList;
  private final Elections elections;
  private final LocalDeadlines deadlines;

  MeetingScheduling(RegionRepository regions, AgencyRepository agencies, ElectionRepository electionList,
      Elections elections, LocalDeadlines deadlines) {
    this.regions = regions;
    this.agencies = agencies;
    this.electionList = electionList;
    this.elections = elections;
    this.deadlines = deadlines;
  }

  /**
   * A new meeting from the schedule form, or a refusal naming every problem.
   *
   * @param convenerGroups the groups of the user who submits the form; null for a start by the system
   * @param now the engine's present: a meeting is scheduled in the future of it
   */
  Meeting schedule(FormInput input, String processInstanceId, String convenedBy, Collection<String> convenerGroups,
      Instant now) {
    Optional<Region> region = region(input);
    String stageCode = input.text(MeetingVariables.STAGE_CODE, "Tahapan", 64, true);
    String electionId = input.text(TaskDeadlines.ELECTION_ID, "Pemilihan", 64, false);
    String title = input.text(MeetingVariables.TITLE, "Judul rapat", TITLE_MAX, true);
    LocalDateTime at = input.localDateTime(MeetingVariables.MEETING_AT, "Tanggal dan jam rapat");
    String venue = input.text(MeetingVariables.VENUE, "Tempat", VENUE_MAX, true);
    String agenda = input.text(MeetingVariables.AGENDA, "Agenda", AGENDA_MAX, true);
    List<AgencyType> invitedTypes = input.choices(MeetingVariables.INVITED_AGENCIES, "Instansi yang diundang",
        AgencyType.class);
    List<AgencyType> regencyTypes = input.value(MeetingVariables.INVITED_REGENCY_AGENCIES) == null ? List.of()
        : input.choices(MeetingVariables.INVITED_REGENCY_AGENCIES, "Instansi kabupaten/kota yang diundang",
            AgencyType.class);
    List<String> provinces = input.value(MeetingVariables.INVITED_PROVINCES) == null ? List.of()
        : input.list(MeetingVariables.INVITED_PROVINCES, "Provinsi yang diundang").stream().map(String::valueOf).toList();
    List<AgencyType> provinceTypes = input.value(MeetingVariables.INVITED_PROVINCE_AGENCIES) == null ? List.of()
        : input.choices(MeetingVariables.INVITED_PROVINCE_AGENCIES, "Instansi provinsi yang diundang", AgencyType.class);
    if (invitedTypes.isEmpty() && regencyTypes.isEmpty() && provinceTypes.isEmpty()
        && input.problems().stream().noneMatch(p -> p.startsWith("Instansi"))) {
      input.problem("Pilih paling sedikit satu instansi yang diundang");
    }
    String convening = input.text(MeetingVariables.CONVENING_AGENCY, "Instansi penyelenggara", 64, true);
    // the letter and the length: the forms always send them; a caller that does not gets the defaults
    Integer duration = input.value(MeetingVariables.DURATION) == null ? Integer.valueOf(DEFAULT_DURATION_MINUTES)
        : input.wholeNumber(MeetingVariables.DURATION, "Lama rapat (menit)", MIN_DURATION_MINUTES, MAX_DURATION_MINUTES);
    LetterNature nature = input.value(MeetingVariables.LETTER_NATURE) == null ? LetterNature.BIASA
        : input.choice(MeetingVariables.LETTER_NATURE, "Sifat surat", LetterNature.class);
    String letterNumber = input.text(MeetingVariables.LETTER_NUMBER, "Nomor surat", LETTER_NUMBER_MAX, false);
    if (region.isEmpty()) {
      input.refuseIfInvalid();
    }
    Region r = region.get();
    List<String> invited = new ArrayList<>();
    for (AgencyType type : invitedTypes) {
      String groupId = Agency.groupId(type, r.code());
      if (agencies.find(groupId).isPresent()) {
        invited.add(groupId);
      } else {
        input.problem("Instansi " + type.name() + " tidak ada di " + r.name());
      }
    }
    invited.addAll(regencyAgencies(r, regencyTypes, input));
    invited.addAll(provinceAgencies(convening, provinces, provinceTypes, input));
    List<String> distinct = invited.stream().distinct().toList();
    invited.clear();
    invited.addAll(distinct);
    if (invited.isEmpty() && input.problems().isEmpty()) {
      input.problem("Pilih paling sedikit satu instansi yang diundang");
    }
    String conveningGroup = convening == null ? null : conveningGroup(convening, r, input);
    if (conveningGroup != null && convenerGroups != null && !convenerGroups.contains(conveningGroup)
        && !convenerGroups.contains("camunda-admin")) {
      input.problem("Anda bukan anggota instansi penyelenggara yang dipilih");
    }
    ElectionCalendar calendar = null;
    Stage stage = null;
    if (stageCode != null) {
      calendar = calendarFor(electionId, stageCode, r, at, input, now);
      stage = calendar == null ? null : calendar.stage(stageCode).orElse(null);
    }
    Instant meetingAt = null;
    if (at != null) {
      meetingAt = deadlines.at(r.code(), at.toLocalDate(), at.toLocalTime());
      checkWithinStage(meetingAt, stage, r, "Tanggal rapat", input, now);
    }
    input.refuseIfInvalid();
    String meetingId = newMeetingId();
    LocalDate letterDate = now.atZone(deadlines.zoneOf(r.code())).toLocalDate();
    return new Meeting(meetingId, processInstanceId, calendar.id(), r.code(), stageCode, title, venue, agenda,
        meetingAt, at, conveningGroup, List.copyOf(invited), convenedBy, 0, MeetingStatus.DIJADWALKAN, List.of(),
        null, null, null, null, duration, new Meeting.Letter(letterNumber, nature, letterDate));
  }

  /** The new date of a postponed meeting, checked like the first one; null when refused (problem added). */
  Instant newDate(Meeting meeting, LocalDateTime at, FormInput input, Instant now) {
    if (at == null) {
      return null;
    }
    Instant instant = deadlines.at(meeting.regionCode(), at.toLocalDate(), at.toLocalTime());
    if (at.equals(meeting.meetingLocal())) {
      input.problem("Tanggal baru sama dengan jadwal sekarang");
    }
    checkWithinStage(instant, stageOf(meeting), regions.find(meeting.regionCode()).orElseThrow(),
        "Tanggal rapat yang baru", input, now);
    return instant;
  }

  /** The stage of a meeting in its election's calendar. */
  Stage stageOf(Meeting meeting) {
    return elections.calendarOf(meeting.electionId()).stage(meeting.stageCode()).orElseThrow();
  }

  /**
   * The last instant of the meeting's election in the region: 23:59:59 local on the last day of its
   * calendar's last stage. Action items may run until then (issue 15): a commitment made in the
   * campaign can be due after the vote.
   */
  Instant electionEnd(Meeting meeting) {
    java.time.LocalDate last = elections.calendarOf(meeting.electionId()).stages().stream().map(Stage::end)
        .max(java.util.Comparator.naturalOrder()).orElseThrow();
    return endOf(last, meeting.regionCode());
  }

  String regionName(String regionCode) {
    return regions.find(regionCode).map(Region::name).orElse(regionCode);
  }

  /** The group id of an agency type in the meeting's region, if that agency exists. */
  /**
   * A province's Rakor may invite agencies of its regencies and cities: each chosen type in every
   * regency/city of the province that has it, regency by regency. A regency's Rakor may not.
   */
  List<String> regencyAgencies(Region region, List<AgencyType> types, FormInput input) {
    if (types.isEmpty()) {
      return List.of();
    }
    if (region.level() != RegionLevel.PROVINCE) {
      input.problem("Instansi kabupaten/kota hanya dapat diundang ke Rakor tingkat provinsi");
      return List.of();
    }
    List<String> groups = new ArrayList<>();
    for (Region regency : regions.findChildren(region.code())) {
      for (AgencyType type : types) {
        agencyOfRegion(type, regency.code()).ifPresent(groups::add);
      }
    }
    return groups;
  }

  /**
   * A national forum (convened by the national desk or Kemendagri) may invite agencies of chosen
   * provinces, or of every province ("SEMUA"): each chosen type in each chosen province.
   */
  List<String> provinceAgencies(String convening, List<String> provinces, List<AgencyType> types, FormInput input) {
    if (provinces.isEmpty() && types.isEmpty()) {
      return List.of();
    }
    if (!NATIONAL.equals(convening) && !KEMENDAGRI.equals(convening)) {
      input.problem("Instansi provinsi lain hanya dapat diundang ke forum nasional (desk nasional atau Kemendagri)");
      return List.of();
    }
    if (provinces.isEmpty() || types.isEmpty()) {
      input.problem("Forum nasional: pilih provinsi dan instansi provinsi yang diundang");
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    if (provinces.contains(ALL_PROVINCES)) {
      regions.findAll().stream().filter(p -> p.level() == RegionLevel.PROVINCE).map(Region::code).forEach(codes::add);
    } else {
      for (String code : provinces) {
        if (!RegionLevel.PROVINCE.accepts(code) || regions.find(code).isEmpty()) {
          input.problem("Provinsi tidak dikenal: " + FormInput.echo(code));
        } else {
          codes.add(code);
        }
      }
    }
    List<String> groups = new ArrayList<>();
    for (String code : codes) {
      for (AgencyType type : types) {
        agencyOfRegion(type, code).ifPresent(groups::add);
      }
    }
    return groups;
  }

  Optional<String> agencyOfRegion(AgencyType type, String regionCode) {
    String groupId = Agency.groupId(type, regionCode);
    return agencies.find(groupId).map(Agency::groupId);
  }

  private void checkWithinStage(Instant at, Stage stage, Region region, String label, FormInput input,
      Instant now) {
    if (!at.isAfter(now)) {
      input.problem(label + " harus di masa depan");
    }
    if (stage != null && at.isAfter(endOf(stage.end(), region.code()))) {
      input.problem(label + " harus sebelum tahap " + stage.name() + " berakhir ("
          + deadlines.display(region.code(), endOf(stage.end(), region.code())) + ")");
    }
  }

  private Instant endOf(LocalDate day, String regionCode) {
    return deadlines.at(regionCode, day, LocalTime.of(23, 59, 59));
  }

  private Optional<Region> region(FormInput input) {
    String code = input.text(Region.PROCESS_VARIABLE, "Kode wilayah", 13, true);
    if (code == null) {
      return Optional.empty();
    }
    RegionLevel level = RegionLevel.ofCode(code);
    Optional<Region> region = level == null || level == RegionLevel.DISTRICT ? Optional.empty() : regions.find(code);
    if (region.isEmpty()) {
      input.problem("Kode wilayah tidak dikenal: " + code + " (kode provinsi atau kabupaten/kota Kemendagri, contoh 73.73)");
    } else if (!region.get().hasRace() || agencies.findByRegion(code).isEmpty()) {
      input.problem(region.get().name() + " tidak menyelenggarakan Pilkada");
      return Optional.empty();
    }
    return region;
  }

  private String conveningGroup(String choice, Region region, FormInput input) {
    if (NATIONAL.equals(choice)) {
      return Agency.NATIONAL_DESK;
    }
    if (KEMENDAGRI.equals(choice)) {
      return KEMENDAGRI_GROUP;
    }
    boolean province = choice.startsWith(PROVINCE_PREFIX);
    String typeName = province ? choice.substring(PROVINCE_PREFIX.length()) : choice;
    AgencyType type;
    try {
      type = AgencyType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      input.problem("Instansi penyelenggara tidak dikenal: " + choice);
      return null;
    }
    String code = province ? Region.provinceOf(region.code()) : region.code();
    Optional<String> group = agencyOfRegion(type, code);
    if (group.isEmpty()) {
      input.problem("Instansi penyelenggara " + choice + " tidak ada untuk " + region.name());
      return null;
    }
    return group.get();
  }

  /**
   * A meeting's id, which is also its business key and appears in links and mails: 80 random
   * bits, so that nobody can name another region's meeting from public facts (region, stage,
   * date) and probe for it.
   */
  static String newMeetingId() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return "rakor-" + HexFormat.of().formatHex(bytes);
  }

  /**
   * The calendar the meeting belongs to: the given election (set by a process that starts the
   * meeting, never by the form), or the election with the earliest voting day whose stage ends
   * after the meeting (after now when the date is missing).
   */
  private ElectionCalendar calendarFor(String electionId, String stageCode, Region region, LocalDateTime at,
      FormInput input, Instant now) {
    List<String> candidates = electionId != null ? List.of(electionId)
        : electionList.findAll().stream().map(e -> e.id()).toList();
    boolean stageKnown = false;
    List<ElectionCalendar> open = new ArrayList<>();
    for (String id : candidates) {
      ElectionCalendar calendar;
      try {
        calendar = elections.calendarOf(id);
      } catch (IllegalArgumentException e) {
        input.problem("Pemilihan tidak dikenal: " + id);
        return null;
      }
      Optional<Stage> stage = calendar.stage(stageCode);
      stageKnown |= stage.isPresent();
      if (stage.isPresent() && endOf(stage.get().end(), region.code()).isAfter(now)) {
        open.add(calendar);
      }
    }
    if (!stageKnown) {
      input.problem("Tahapan tidak dikenal: " + stageCode);
      return null;
    }
    if (open.isEmpty()) {
      input.problem("Tahapan " + stageCode + " sudah berakhir di setiap pemilihan");
      return null;
    }
    Comparator<ElectionCalendar> earliest = Comparator.comparing(ElectionCalendar::votingDay);
    if (at != null) {
      Instant meetingAt = deadlines.at(region.code(), at.toLocalDate(), at.toLocalTime());
      Optional<ElectionCalendar> fitting = open.stream()
          .filter(c -> endOf(c.stage(stageCode).orElseThrow().end(), region.code()).isAfter(meetingAt)).min(earliest);
      if (fitting.isPresent()) {
        return fitting.get();
      }
    }
    return open.stream().min(earliest).orElseThrow();
  }
}
