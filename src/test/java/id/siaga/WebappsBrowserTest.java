package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Cockpit and the welcome page in headless Chromium set to English, for a coordinator: the login,
 * the header and the dashboard speak Bahasa Indonesia, the product is called Siaga Pilkada, and the
 * Camunda 8 migration banner does not show (it is in the page, hidden by our user-styles.css).
 */
@SiagaSpringBootTest
class WebappsBrowserTest {

  @RegisterExtension static final TasklistBrowser browser = new TasklistBrowser();

  @Test
  void aCoordinatorReadsCockpitInIndonesianWithoutTheMigrationBanner() {
    browser.login("kesbangpolpalopo");   // Tasklist's Indonesian login; the session serves every webapp
    assertThat(banners()).as("Tasklist: no migration banner shown").noneMatch(WebElement::isDisplayed);

    browser.driver().get(browser.base() + "/camunda/app/cockpit/default/#/dashboard");
    browser.visible(By.xpath("//*[normalize-space(text())='Proses yang berjalan']"));
    // the header's menu: Proses, Keputusan, Tugas pengguna
    browser.visible(By.xpath("//a[normalize-space(.)='Proses']"));
    assertThat(browser.driver().findElement(By.xpath("//a[normalize-space(.)='Keputusan']")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.xpath("//a[normalize-space(.)='Tugas pengguna']")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .doesNotContain("Running Process Instances", "Open Incidents", "It is time to migrate");
    List<WebElement> banners = banners();
    assertThat(banners).as("the banner is in Cockpit's header").isNotEmpty();
    assertThat(banners).as("and hidden").noneMatch(WebElement::isDisplayed);
    browser.screenshot("webapps-01-cockpit-dashboard");

    browser.driver().get(browser.base() + "/camunda/app/welcome/default/");
    browser.visible(By.xpath("//*[contains(normalize-space(.),'Siaga Pilkada')]"));
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Tugas instansi Anda", "Papan kesiapan")
        .doesNotContain("It is time to migrate");
    assertThat(banners()).noneMatch(WebElement::isDisplayed);
    browser.screenshot("webapps-02-welcome");
  }

  List<WebElement> banners() {
    return browser.driver().findElements(By.cssSelector(".ce-eol-banner"));
  }
}
