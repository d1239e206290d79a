package id.siaga.meeting;

import id.siaga.agency.RegionAccess;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * An invited agency's slides (paparan) for a Rakor: uploaded by a member of the agency while the
 * meeting is scheduled or held (not once cancelled or closed), checked by {@link Slides}, stored in
 * the database, read by the meeting's readers. Which agency uploads comes from the signed-in user's
 * groups among the invited ones, never from the request.
 */
@Service
class MeetingSlides {

  private final MeetingRepository meetings;
  private final RegionAccess access;

  MeetingSlides(MeetingRepository meetings, RegionAccess access) {
    this.meetings = meetings;
    this.access = access;
  }

  MeetingRepository.StoredSlides upload(String meetingId, String originalName, byte[] content) {
    Meeting meeting = readable(meetingId);
    String agency = access.memberOf(meeting.invitedGroups()).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.FORBIDDEN, "Paparan diunggah oleh instansi yang diundang ke rapat ini"));
    if (meeting.status() == MeetingStatus.DIBATALKAN || meeting.status() == MeetingStatus.SELESAI) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Rapat sudah " + (meeting.status()
          == MeetingStatus.DIBATALKAN ? "dibatalkan" : "selesai") + "; paparan tidak dapat diunggah lagi");
    }
    if (meetings.slides(meetingId).stream().filter(s -> s.agencyGroup().equals(agency)).count() >= Slides.MAX_PER_AGENCY) {
      throw new IllegalArgumentException("Paling banyak " + Slides.MAX_PER_AGENCY + " berkas paparan per instansi");
    }
    Slides.Accepted accepted = Slides.check(originalName, content);
    MeetingRepository.StoredSlides stored = new MeetingRepository.StoredSlides(UUID.randomUUID().toString(), meetingId,
        agency, accepted.fileName(), accepted.contentType(), content.length, sha256(content), access.userId(),
        Instant.now());
    meetings.insertSlides(stored, content);
    return stored;
  }

  List<MeetingRepository.StoredSlides> list(Meeting meeting) {
    return meetings.slides(meeting.meetingId());
  }

  /** The slides and their bytes, for a reader of the meeting. */
  Download download(String meetingId, String slidesId) {
    readable(meetingId);
    MeetingRepository.StoredSlides slides = meetings.slides(meetingId).stream().filter(s -> s.slidesId().equals(slidesId))
        .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Paparan tidak ditemukan"));
    return new Download(slides, meetings.slidesContent(meetingId, slidesId).orElseThrow());
  }

  record Download(MeetingRepository.StoredSlides slides, byte[] content) {}

  /** Readable by the region's readers and the invited agencies; anyone else: unknown. */
  Meeting readable(String meetingId) {
    return meetings.find(meetingId).filter(m -> access.mayRead(m.regionCode()) || access.memberOfAny(m.invitedGroups()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Rakor tidak ditemukan"));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
