package id.siaga.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's online backup, {@code POST /api/admin/backup} (administrators only, see
 * {@link ApiSecurity}): H2's own {@code BACKUP TO} writes the database file into a zip while the
 * application runs, and the zip is the answer. H2 copies one committed version of its file, so the
 * copy is consistent without stopping anyone. A second process cannot do this: the running
 * application holds H2's file lock, so the H2 shell cannot open the database beside it.
 *
 * <p>The zip holds {@code siaga.mv.db}; restoring it is unpacking it into an empty {@code ./data}
 * while the application is stopped (docs/operations.md). PostgreSQL is backed up with
 * {@code pg_dump} instead (409 here), and an in-memory H2 database has no file to copy (409 too).
 * Every backup taken is recorded in the operator audit: it is a copy of everyone's data.
 */
@RestController
class DatabaseBackup {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final IdentityService identity;
  private final OperatorAudit audit;

  DatabaseBackup(DataSource dataSource, IdentityService identity, OperatorAudit audit) {
    this.dataSource = dataSource;
    this.identity = identity;
    this.audit = audit;
  }

  @PostMapping("/api/admin/backup")
  void backup(HttpServletResponse response) throws IOException, SQLException {
    String name = "siaga-h2-" + STAMP.format(Instant.now()) + ".zip";
    Path folder = Files.createTempDirectory("siaga-backup"); // owner-only on POSIX
    Path zip = folder.resolve(name);
    try {
      try (Connection connection = dataSource.getConnection()) {
        refuseUnlessH2File(connection);
        try (PreparedStatement statement = connection.prepareStatement("BACKUP TO ?")) {
          statement.setString(1, zip.toString());
          statement.execute();
        }
      } catch (NotAnH2File e) {
        record(name, OperatorAudit.REFUSED + ": " + e.getMessage());
        throw e;
      } catch (SQLException | RuntimeException e) {
        record(name, OperatorAudit.FAILED + ": " + e.getMessage());
        throw e;
      }
      long bytes = Files.size(zip);
      record(name + ", " + bytes + " byte", OperatorAudit.DONE);
      response.setContentType("application/zip");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
      response.setContentLengthLong(bytes);
      Files.copy(zip, response.getOutputStream());
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void refuseUnlessH2File(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if (!"H2".equals(product)) {
      throw new NotAnH2File("Cadangan lewat aplikasi hanya untuk basis data H2"
          + " (demo). Basis data " + product + " dicadangkan dengan pg_dump (docs/operations.md).");
    }
    if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
      throw new NotAnH2File("Basis data H2 ini ada di memori saja; tidak ada berkas untuk dicadangkan.");
    }
  }

  /** The body of {@code ApiErrors}, here because the backup writes its answer itself. */
  @ExceptionHandler(NotAnH2File.class)
  ResponseEntity<Map<String, Object>> refused(NotAnH2File e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpStatus.CONFLICT.value());
    body.put("error", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  /** The database is not one whose file this application can copy. */
  static final class NotAnH2File extends RuntimeException {
    NotAnH2File(String message) {
      super(message);
    }
  }

  private void record(String what, String outcome) {
    Authentication user = identity.getCurrentAuthentication();
    audit.record(user == null ? null : user.getUserId(), user == null ? null : user.getGroupIds(),
        "DatabaseBackup(" + what + ")", outcome);
  }
}
