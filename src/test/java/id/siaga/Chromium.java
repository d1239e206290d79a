package id.siaga;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver (packages chromium and chromium-driver, which
 * .ci/run installs), for the {@code *BrowserTest} classes: no sandbox, no GPU, nothing fetched in
 * the background.
 */
public final class Chromium {

  private Chromium() {}

  /** Starts Chromium with its profile in this folder and these further command line arguments. */
  public static ChromeDriver start(Path profile, String... arguments) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    List<String> all = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    all.addAll(List.of(arguments));
    options.addArguments(all);
    return new ChromeDriver(service, options);
  }
}
