package id.siaga.region;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The three national CSV files in the format of the {@code idn-area-data} package
 * ({@code provinces.csv}, {@code regencies.csv}, {@code districts.csv}), from wherever they come.
 */
public interface AreaFiles {

  String PROVINCES = "provinces.csv";
  String REGENCIES = "regencies.csv";
  String DISTRICTS = "districts.csv";

  /** The idn-area-data release shipped in {@code src/main/resources/idn-area-data/} (see its NOTICE.md). */
  String BUNDLED_RELEASE = "4.0.1";

  /** Where the shipped files sit on the class path. */
  String BUNDLED_LOCATION = "idn-area-data/";

  /** The whole content of one file; a missing file is an {@link ImportRejectedException}. */
  byte[] read(String fileName) throws IOException;

  /** Where the files come from, for the import log. */
  String description();

  /** The files shipped in the jar (kept in the repository, refreshed by scripts/refresh-area-data.sh). */
  static AreaFiles bundled() {
    return new AreaFiles() {
      @Override
      public byte[] read(String fileName) throws IOException {
        ClassPathResource resource = new ClassPathResource(BUNDLED_LOCATION + fileName);
        if (!resource.exists()) {
          throw new ImportRejectedException(fileName, 0, "berkas tidak ada di paket aplikasi");
        }
        try (InputStream in = resource.getInputStream()) {
          return in.readAllBytes();
        }
      }

      @Override
      public String description() {
        return "idn-area-data " + BUNDLED_RELEASE + " (bawaan aplikasi)";
      }
    };
  }

  /** The files in a folder on disk. */
  static AreaFiles directory(Path folder) {
    return new AreaFiles() {
      @Override
      public byte[] read(String fileName) throws IOException {
        Path file = folder.resolve(fileName);
        if (!Files.isRegularFile(file)) {
          throw new ImportRejectedException(fileName, 0, "berkas tidak ditemukan di " + folder);
        }
        return Files.readAllBytes(file);
      }

      @Override
      public String description() {
        return folder.toAbsolutePath().toString();
      }
    };
  }

  /** Files already in memory, e.g. an upload. */
  static AreaFiles of(Map<String, byte[]> files, String description) {
    return new AreaFiles() {
      @Override
      public byte[] read(String fileName) {
        byte[] content = files.get(fileName);
        if (content == null) {
          throw new ImportRejectedException(fileName, 0, "berkas tidak dikirim");
        }
        return content;
      }

      @Override
      public String description() {
        return description;
      }
    };
  }
}
