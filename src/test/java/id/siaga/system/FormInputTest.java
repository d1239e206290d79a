package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form input rules, without an engine. */
class FormInputTest {

  enum Colour { MERAH, PUTIH }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "<b>tebal</b>", "< img src=x>", "<!-- x -->",
      "javascript:alert(1)", "JavaScript : x", "klik onclick=alert(1)", "x onmouseover = y", "bel\u0007"})
  void scriptLikeTextIsRefused(String text) {
    FormInput input = new FormInput(Map.of("note", text));
    assertThat(input.text("note", "Catatan", 100, true)).isNull();
    assertThat(input.problems()).containsExactly("Catatan tidak boleh berisi kode, tag HTML atau karakter kendali");
  }

  @ParameterizedTest
  @ValueSource(strings = {"personel < 10 orang", "kondisi = aman", "a > b", "Jl. Merdeka No. 5; RT 02/RW 03",
      "baris 1\nbaris 2\ttab", "Politik uang & hoaks (50%)"})
  void ordinaryTextPasses(String text) {
    FormInput input = new FormInput(Map.of("note", text));
    assertThat(input.text("note", "Catatan", 100, true)).isEqualTo(text.trim());
    assertThat(input.problems()).isEmpty();
  }

  @Test
  void requiredLengthAndTrimming() {
    FormInput input = new FormInput(Map.of("a", "   ", "b", "12345", "c", "  ok  "));
    assertThat(input.text("a", "A", 10, true)).isNull();
    assertThat(input.text("a", "A opsional", 10, false)).isNull();
    assertThat(input.text("b", "B", 4, true)).isNull();
    assertThat(input.text("c", "C", 2, true)).isEqualTo("ok");
    assertThat(input.problems()).containsExactly("A wajib diisi", "B terlalu panjang (5 karakter, paling banyak 4)");
  }

  @Test
  void wholeNumbers() {
    Map<String, Object> values = new HashMap<>();
    values.put("n1", 5L);
    values.put("n2", 2.5);
    values.put("n3", "tiga");
    values.put("n4", -1);
    values.put("n5", "7");
    values.put("n6", 7.0);
    FormInput input = new FormInput(values);
    assertThat(input.wholeNumber("n1", "N1", 0, 10)).isEqualTo(5);
    assertThat(input.wholeNumber("n2", "N2", 0, 10)).isNull();
    assertThat(input.wholeNumber("n3", "N3", 0, 10)).isNull();
    assertThat(input.wholeNumber("n4", "N4", 0, 10)).isNull();
    assertThat(input.wholeNumber("n5", "N5", 0, 10)).isEqualTo(7);
    assertThat(input.wholeNumber("n6", "N6", 0, 10)).isEqualTo(7);
    assertThat(input.wholeNumber("absent", "N7", 0, 10)).isNull();
    assertThat(input.problems()).containsExactly("N2 harus bilangan bulat", "N3 harus berupa angka",
        "N4 harus antara 0 dan 10", "N7 wajib diisi");
  }

  @Test
  void choicesFromJsonTextsCollectionsAndUnknownValues() {
    FormInput input = new FormInput(Map.of("one", "merah", "json", "[\"PUTIH\",\"MERAH\",\"PUTIH\"]",
        "list", List.of("MERAH"), "bad", "[\"BIRU\"]", "broken", "[\"MERAH\""));
    assertThat(input.choice("one", "Warna", Colour.class)).isEqualTo(Colour.MERAH);
    assertThat(input.choices("json", "Warna", Colour.class)).containsExactly(Colour.PUTIH, Colour.MERAH);
    assertThat(input.choices("list", "Warna", Colour.class)).containsExactly(Colour.MERAH);
    assertThat(input.choices("bad", "Warna", Colour.class)).isEmpty();
    assertThat(input.choices("broken", "Daftar", Colour.class)).isEmpty();
    assertThat(input.choices("absent", "Warna", Colour.class)).isEmpty();
    assertThat(input.problems()).containsExactly("Warna: pilihan tidak dikenal 'BIRU'", "Daftar bukan daftar yang sah");
  }

  @Test
  void localDateTimesAsTheFormsSubmitThem() {
    FormInput input = new FormInput(Map.of("at", "2026-12-10T09:00", "bad", "10/12/2026 09:00"));
    assertThat(input.localDateTime("at", "Waktu")).isEqualTo(LocalDateTime.of(2026, 12, 10, 9, 0));
    assertThat(input.localDateTime("bad", "Waktu")).isNull();
    assertThat(input.problems()).containsExactly("Waktu bukan tanggal dan jam yang sah (contoh 2026-12-10T09:00)");
  }

  @Test
  void refusalNamesEveryProblemAndSaysNothingChanged() {
    FormInput input = new FormInput(Map.of());
    input.text("a", "Judul", 10, true);
    input.text("b", "Tempat", 10, true);
    assertThatThrownBy(input::refuseIfInvalid).isInstanceOf(FormFieldValidationException.class)
        .hasMessage("Isian tidak sah: Judul wajib diisi; Tempat wajib diisi. Tidak ada yang diubah.");
    new FormInput(Map.of("a", "ok")).refuseIfInvalid();
  }
}
