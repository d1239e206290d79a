package id.siaga.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The national area files shipped in the repository (src/main/resources/idn-area-data/) are
 * exactly the idn-area-data 4.0.1 release: row counts and SHA-256 of each file, the parser accepts
 * them, and the licence and attribution travel with them. A refresh (scripts/refresh-area-data.sh)
 * changes the expected figures here and in NOTICE.md in the same commit.
 */
class AreaDataFilesTest {

  @ParameterizedTest(name = "{0}: {1} rows")
  @CsvSource({
      "provinces.csv, 38,   ee9e5b5aaca298c41aef1aa0888285e103856f1414134bbb7afc68b294c9a89d",
      "regencies.csv, 514,  d5fbd54bb1500bbf5e194ddc94a3806df6e6837a310146dfa646b085bd99c0ae",
      "districts.csv, 7285, 982f843613cf36bf474cab7ec46b5ecafc46dfeaad26e4bbadf170a6dae8ebe7"})
  void eachFileHasItsRowsAndChecksum(String file, int rows, String sha256) throws Exception {
    byte[] content = AreaFiles.bundled().read(file);

    String text = new String(content, StandardCharsets.UTF_8);
    assertThat(text).as("LF line ends, as released").doesNotContain("\r").endsWith("\n");
    assertThat(text.lines().count() - 1).as("data rows of %s (header excluded)", file).isEqualTo(rows);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
        .as("SHA-256 of %s", file).isEqualTo(sha256);
    assertThat(resource("NOTICE.md")).as("NOTICE.md lists the same checksum").contains(sha256);
  }

  @Test
  void theParserAcceptsTheShippedFiles() throws IOException {
    Map<RegionLevel, Long> perLevel = AreaFileParser.parse(AreaFiles.bundled()).values().stream()
        .collect(Collectors.groupingBy(AreaRow::level, Collectors.counting()));

    assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(
        RegionLevel.PROVINCE, 38L, RegionLevel.REGENCY, 514L, RegionLevel.DISTRICT, 7285L));
  }

  @Test
  void theLicenceAndAttributionShipBesideTheData() throws IOException {
    assertThat(resource("LICENSE.md")).startsWith("# Open Database License (ODbL)");
    assertThat(resource("NOTICE.md"))
        .contains("idn-area-data " + AreaFiles.BUNDLED_RELEASE)
        .contains("https://github.com/fityannugroho/idn-area-data")
        .contains("Open Database License");
    assertThat(AreaFiles.bundled().description()).isEqualTo("idn-area-data 4.0.1 (bawaan aplikasi)");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = new ClassPathResource(AreaFiles.BUNDLED_LOCATION + name).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
