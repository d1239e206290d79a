package id.siaga.meeting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The rules of an agency's slides (paparan) for a Rakor: a PDF or a PowerPoint file (PPTX), at most
 * 5 MB (the application's upload limit), at most three per agency and meeting, recognised by what is
 * in the file, not by its name (a renamed program or web page is refused); the name kept is a safe
 * one with the extension of the detected type. Plain rules.
 */
final class Slides {

  private Slides() {}

  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_PER_AGENCY = 3;
  static final String PDF = "application/pdf";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

  /** What was accepted: the safe file name and the detected type. */
  record Accepted(String fileName, String contentType) {}

  /** The file if it is acceptable, else an IllegalArgumentException with the reason in Bahasa Indonesia. */
  static Accepted check(String originalName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new IllegalArgumentException("Berkas paparan kosong");
    }
    if (content.length > MAX_BYTES) {
      throw new IllegalArgumentException("Berkas paparan terlalu besar: paling besar 5 MB");
    }
    String type = isPdf(content) ? PDF : isPptx(content) ? PPTX : null;
    if (type == null) {
      throw new IllegalArgumentException("Berkas paparan harus PDF atau PowerPoint (PPTX); isi berkas ini bukan keduanya");
    }
    return new Accepted(safeName(originalName, type), type);
  }

  static boolean isPdf(byte[] content) {
    return content.length > 5 && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
  }

  /** A zip (PK\3\4) holding the presentation part of an Office Open XML presentation. */
  static boolean isPptx(byte[] content) {
    if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
      return false;
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if ("ppt/presentation.xml".equals(entry.getName())) {
          return true;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
    return false;
  }

  /** Letters, digits, space, dot, dash and underscore of the given name, with the detected type's extension. */
  static String safeName(String originalName, String type) {
    String extension = PDF.equals(type) ? ".pdf" : ".pptx";
    String base = originalName == null ? "" : originalName.replaceAll("(?i)\\.(pdf|pptx)$", "");
    base = base.replaceAll("[^A-Za-z0-9 ._-]", "_").replaceAll("^[._ ]+", "").trim();
    if (base.isEmpty()) {
      base = "paparan";
    }
    return (base.length() > 100 ? base.substring(0, 100) : base) + extension;
  }
}
