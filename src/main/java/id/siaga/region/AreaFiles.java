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

  /** The whole content of one file; a missing file is an {@link ImportRejectedException}. */
  byte[] read(String fileName) throws IOException;

  /** Where the files come from, for the import log. */
  String description();

  /** The files shipped in the jar (fetched from the npm registry at build time). */
  static AreaFiles bundled() {
    return new AreaFiles() {
      @Override
      public byte[] read(String fileName) throws IOException {
        ClassPathResource resource = new ClassPathResource("idn-area-data/" + fileName);
        if (!resource.exists()) {
          throw new ImportRejectedException(fileName, 0, "berkas tidak ada di paket aplikasi");
        }
        try (InputStream in = resource.getInputStream()) {
          return in.readAllBytes();
        }
      }

      @Override
      public String description() {
        return "idn-area-data 4.0.1 (bawaan aplikasi)";
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
