package community.recommender.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with nothing downloaded: the
 * driver path is given, so Selenium Manager never runs. Saves screenshots for people to look at.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Held so it stays configured: Selenium's warnings about DevTools versions, which we do not use. */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** Starts headless Chromium; fails, saying how to install it, when Debian's packages are missing. */
  static Browser start(Path screenshots) throws IOException {
    return start(screenshots, "en-GB");
  }

  /** Starts headless Chromium with {@code language} as the browser's language (navigator.language). */
  static Browser start(Path screenshots, String language) throws IOException {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
            + "chromium-driver packages. Install them with .ci/install-browser (or: apt-get install -y chromium "
            + "chromium-driver), then run the tests again.");
      }
    }
    SELENIUM_LOG.setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("console-chromium-");
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
            "--window-size=1280,900", "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
    Files.createDirectories(screenshots);
    return new Browser(driver, profile, screenshots);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Sets the viewport's width, keeping a usable height. */
  void width(int pixels) {
    driver.manage().window().setSize(new Dimension(pixels, pixels < 600 ? 844 : 900));
  }

  WebElement find(String css) {
    return until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  /** The first element matching css once it exists, shown or not (a visually hidden file input, say). */
  WebElement present(String css) {
    return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the element's text contains {@code text}, and answers the element. */
  WebElement findWithText(String css, String text) {
    return until(d -> d.findElements(By.cssSelector(css)).stream()
        .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
  }

  /**
   * Waits for {@code condition}; an element the console re-rendered while it was being read (stale)
   * counts as not there yet, so the condition is asked again rather than failing the test.
   */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * The console's errors since the last call: script errors, and failed requests except those with
   * a status in {@code expected} (a 422 a walk provokes on purpose, say).
   */
  List<String> consoleErrors(int... expected) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> Arrays.stream(expected).noneMatch(s -> m.contains("status of " + s + " ")))
        .toList();
  }

  /** The resources the page loaded from anywhere but its own origin (blob URLs it made itself count as its own). */
  @SuppressWarnings("unchecked")
  List<String> outsideRequests() {
    return (List<String>) script("return performance.getEntriesByType('resource').map(e => e.name)"
        + ".filter(n => !n.startsWith(location.origin) && !n.startsWith('blob:' + location.origin))");
  }

  /** Emulates the system's colour scheme, {@code light} or {@code dark}, as {@code prefers-color-scheme} reads it. */
  void colorScheme(String scheme) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /**
   * The text shown by elements matching {@code css} (the first 60 visible ones with text), each with
   * its colour, the colour of the nearest opaque background behind it, and the WCAG contrast ratio
   * of the two.
   */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> textContrast(String css) {
    return (List<Map<String, Object>>) script("""
        const parse = (c) => {
          const m = c.match(/rgba?\\(([^)]+)\\)/);
          if (!m) return null;
          const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
          return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
        };
        const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
        const background = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c.a > 0.5) return c;
          }
          return { r: 255, g: 255, b: 255, a: 1 };
        };
        return [...document.querySelectorAll(arguments[0])]
          .filter((e) => e.getClientRects().length > 0 && e.textContent.trim())
          .slice(0, 60)
          .map((e) => {
            const fg = parse(getComputedStyle(e).color);
            const bg = background(e);
            const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
            return { element: e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : ""),
              text: e.textContent.trim().slice(0, 40), color: getComputedStyle(e).color,
              background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`, ratio: (light + 0.05) / (dark + 0.05) };
          });
        """, css);
  }

  /**
   * Tabs through the page from its top, as a keyboard user would, until focus comes round again (or
   * after {@code maxTabs} presses). Answers the visible controls Tab never reached, and the stops that
   * showed no focus indicator: no outline on the control, on its label or on a nearby ancestor that
   * outlines what it holds, and no box shadow.
   */
  @SuppressWarnings("unchecked")
  KeyboardReach keyboardReach(int maxTabs) {
    List<String> controls = (List<String>) script("""
        const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), '
          + 'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable=true]';
        const seenRadios = new Set();
        const controls = [...document.querySelectorAll(selector)]
          .filter((e) => e.getClientRects().length > 0 && !e.closest('[inert], dialog:not([open])'))
          .filter((e) => e.type !== 'radio' || (!seenRadios.has(e.name) && seenRadios.add(e.name)));
        document.activeElement?.blur();
        return controls.map((e, i) => {
          e.dataset.keyboardStop = String(i);
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.name || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
        });
        """);
    java.util.Set<String> reached = new java.util.LinkedHashSet<>();
    List<String> unmarked = new java.util.ArrayList<>();
    String first = null;
    for (int i = 0; i < maxTabs; i++) {
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
      Map<String, Object> stop = (Map<String, Object>) script("""
          const e = document.activeElement;
          if (!e || e === document.body) return { stop: 'body', shown: true };
          const drawn = (x) => x && getComputedStyle(x).outlineStyle !== 'none' && parseFloat(getComputedStyle(x).outlineWidth) > 0;
          const label = e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null;
          // Chromium highlights the part of a date or time field that Tab moved to, whatever the page's styles.
          const parted = ['date', 'datetime-local', 'time'].includes(e.type);
          const shown = parted || drawn(e) || drawn(label) || drawn(e.parentElement)
            || drawn(e.parentElement?.parentElement) || drawn(e.closest('.cm-editor'))
            || getComputedStyle(e).boxShadow !== 'none';
          const stop = e.dataset.keyboardStop ?? e.closest('[data-keyboard-stop]')?.dataset.keyboardStop ?? ('other ' + e.tagName);
          return { stop, shown, name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.type ? '[type=' + e.type + ']' : '')
            + (e.name ? '[name=' + e.name + ']' : '') + ' "' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"' };
          """);
      String at = String.valueOf(stop.get("stop"));
      if (at.equals(first)) {
        break;
      }
      if (first == null && !at.equals("body")) {
        first = at;
      }
      reached.add(at);
      if (!Boolean.TRUE.equals(stop.get("shown"))) {
        unmarked.add(String.valueOf(stop.get("name")));
      }
    }
    List<String> missed = new java.util.ArrayList<>();
    for (int i = 0; i < controls.size(); i++) {
      if (!reached.contains(String.valueOf(i))) {
        missed.add(controls.get(i));
      }
    }
    return new KeyboardReach(controls.size(), missed, unmarked);
  }

  /** What {@link #keyboardReach} found: how many controls there were, those Tab missed, and stops without a focus mark. */
  record KeyboardReach(int controls, List<String> missed, List<String> unmarked) {}

  /** Whether the page is wider than the viewport, which means sideways scrolling at this width. */
  boolean overflowsSideways() {
    return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
  }

  /** Saves a PNG of the full page as {@code name}.png. */
  Path screenshot(String name) {
    try {
      Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, window.innerHeight);");
      Dimension before = driver.manage().window().getSize();
      driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(4000, height.intValue() + 140)));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      driver.manage().window().setSize(before);
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("warning: could not remove " + profile + ": " + e.getMessage());
      }
    }
  }
}
