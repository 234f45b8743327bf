package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium, walked as an operator would: sign in, upload and search
 * content, break a rule and see the error at its line, fix it, simulate, publish, and see a
 * group's suggestion change; then a stored page with a script in it, rollback, an editor's
 * narrower console, and the phone-sized layout. Screenshots go to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
  private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  private static final String WALK_GROUP = "ldn-tea-baking";
  private static final String WALK_RULE = "Prefer activities in London Tea & Bakes this week";
  private static final String SCRIPTED_ITEM = """
      ---
      id: pasted-page-script-check-en
      kind: POST
      title: A page pasted from the web, with a script in it
      language: en
      tags: [icebreaker, topic, welcome, knowledge]
      interests: [script-check]
      status: published
      author: console-test
      ---
      ## Pasted text

      Some **bold words** survive.

      <script>window.__scriptRan = true; document.title = "script ran";</script>

      <img src="x" onerror="window.__scriptRan = true">

      [a link](javascript:window.__scriptRan=true)
      """;

  @TempDir static Path temp;
  private static TestDatabase database;
  private static TestServer server;
  private static Browser browser;
  private static String admin;
  private static String editor;
  private static String operator;
  /** A French group: the demo library holds nothing in French, so it gets nothing, and the silence is recorded. */
  private static final String SILENT_GROUP = "silent-fr";
  /** Every view of the console, by name, with its address. */
  private static final Map<String, String> VIEWS = new java.util.LinkedHashMap<>();

  static {
    VIEWS.put("groups", "#/groups");
    VIEWS.put("group-detail", "#/groups/" + WALK_GROUP);
    VIEWS.put("content", "#/content");
    VIEWS.put("rules", "#/rules/candidates-fit.drl");
    VIEWS.put("stats", "#/stats");
    VIEWS.put("experiments", "#/experiments");
    VIEWS.put("tokens", "#/tokens");
  }
  private static String suggestionBefore;
  private static long versionBefore;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start(SCREENSHOTS);
    database = TestDatabase.start();
    Path samples = copyOfSamplesWith(temp.resolve("samples"), "pasted-page-script-check-en.md", SCRIPTED_ITEM);
    Path data = temp.resolve("data");
    server = TestServer.start(new ServerConfig(0, data, database.url(), TestServer.copyOfRules(temp.resolve("rules")),
        samples, true).with(TestServer.UNLIMITED));
    admin = TestServer.adminToken(data);
    editor = database.token(Role.EDITOR, List.of());
    operator = database.token(Role.OPERATOR, List.of());
    assertThat(server.put("/api/v1/groups/script-check", admin, new JsonObject(Map.of("name", "Pasted pages check",
        "platform", "slack", "type", "interest", "interests", List.of("script-check"), "language", "en",
        "timezone", "UTC", "memberCount", 50)).encode()).statusCode()).isEqualTo(201);
    assertThat(server.put("/api/v1/groups/" + SILENT_GROUP, admin, new JsonObject(Map.of("name", "Club sans contenu",
        "language", "fr", "interests", List.of("falconry"), "memberCount", 30)).encode()).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    Closing.all(browser, server, database);
  }

  @Test
  @Order(1)
  void signIn_withTheKeyboard_showsTheGroupsAndADecisionWithItsReasons() {
    browser.width(1280);
    browser.open(server.baseUrl() + "/");
    browser.find("input[name=token]");
    browser.screenshot("01-sign-in-1280");

    browser.find("input[name=token]").sendKeys(admin, Keys.ENTER);

    browser.findWithText("#who .role", "admin");
    assertThat(navLinks()).containsExactly("Groups", "Content", "Rules", "Stats", "Experiments", "Tokens");
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    browser.until(d -> browser.all(".groups-table tbody tr").size() == 11);
    new Select(browser.find("select[name=band]")).selectByValue("HOT");
    browser.until(d -> browser.all(".groups-table tbody tr").size() < 11);
    new Select(browser.find("select[name=band]")).selectByValue("");
    browser.until(d -> browser.all(".groups-table tbody tr").size() == 11);
    new Select(browser.find("select[name=sort]")).selectByValue("liveliest");
    List<String> bands = List.of("HOT", "ACTIVE", "QUIET", "DORMANT");
    browser.until(d -> {
      List<Integer> ranks = browser.all(".groups-table tbody tr .badge[data-value]").stream()
          .map(b -> bands.indexOf(b.getAttribute("data-value"))).toList();
      return ranks.size() == 11 && ranks.equals(ranks.stream().sorted().toList()) && !ranks.get(0).equals(ranks.get(10));
    });
    new Select(browser.find("select[name=sort]")).selectByValue("name");
    browser.screenshot("02-groups-1280");
    assertThat(browser.script("return performance.getEntriesByType('resource')"
        + ".map(e => e.name).filter(n => !n.startsWith(location.origin))")).asList().isEmpty();

    labelTwoGroupsInOneRequest_byKeyboard();

    browser.find("tr[data-group=" + WALK_GROUP + "] a").click();
    suggestionBefore = browser.find(".suggestion-title").getText();
    WebElement decided = browser.find("#timeline-list > li[data-suggestion]");
    assertThat(decided.getText()).as("the timeline holds the decision just made").contains(suggestionBefore)
        .contains("Decided");
    browser.find("#dropped table");
    assertThat(browser.all("#suggestion .reasons li")).isNotEmpty();
    assertThat(browser.all(".chart-box svg path.line-0")).as("the 30-day line").hasSize(1);
    assertThat(browser.all(".chart-box svg circle")).as("a point per day").hasSize(30);
    browser.find("#run-journey").click();
    assertThat(browser.findWithText("#journey-summary", "sent").getText()).contains("holds").contains("stalls");
    assertThat(browser.all("#journey-table tbody tr")).as("a row per suggestion of the month").isNotEmpty();
    browser.screenshot("03-group-detail-1280");
  }

  @Test
  @Order(2)
  void uploadingAMarkdownFile_previewsItSafely_andSearchFindsItWhenTheServerHasTheContentApi() throws IOException {
    navigate("Content");
    browser.find("#page-of[data-page='1']");
    String firstPage = browser.find("#content-results .results").getText();
    browser.find("#page-next").click();
    browser.find("#page-of[data-page='2']");
    assertThat(browser.find("#content-results .results").getText()).as("the second page of the library").isNotEqualTo(firstPage);
    new Select(browser.find("select[name=sort]")).selectByValue("title");
    List<String> firstByTitle = browser.until(d -> browser.all("#page-of[data-page='1']").isEmpty() ? null
        : sortedOrNull(resultTitles()));
    browser.find("#page-next").sendKeys(Keys.ENTER);
    List<String> secondByTitle = browser.until(d -> browser.all("#page-of[data-page='2']").isEmpty() ? null
        : sortedOrNull(resultTitles()));
    assertThat(secondByTitle.get(0)).as("the server orders the whole library, not each page")
        .isGreaterThanOrEqualTo(firstByTitle.get(firstByTitle.size() - 1));
    new Select(browser.find("select[name=sort]")).selectByValue("server");
    browser.find("#page-of[data-page='1']");
    Path file = temp.resolve("walk-upload-en.md");
    Files.writeString(file, SCRIPTED_ITEM.replace("pasted-page-script-check-en", "walk-upload-en")
        .replace("title: A page pasted from the web, with a script in it", "title: Walk upload about scones"));

    browser.present("#upload-files").sendKeys(file.toString());

    WebElement row = browser.find("#upload-results li[data-files='walk-upload-en.md']");
    browser.until(d -> row.getAttribute("class").matches(".*(done|failed).*"));
    assertThat(row.findElement(By.cssSelector("li[data-file='walk-upload-en.md']")).getAttribute("data-result"))
        .isEqualTo("created");
    assertThat(row.findElement(By.cssSelector("button[data-item='walk-upload-en']")).getText()).isEqualTo("walk-upload-en");
    assertThat(row.findElement(By.cssSelector(".preview")).getText()).contains("bold words");
    assertNothingRan(".uploads .preview");
    assertThat(row.getAttribute("class")).contains("done");
    browser.find("input[name=q]").sendKeys("scones", Keys.ENTER);
    browser.findWithText("#content-results", "Walk upload about scones");
    browser.screenshot("04-content-1280");
  }

  @Test
  @Order(3)
  void aSyntaxError_isMarkedAtItsLine() {
    navigateByKeyboard("Rules");
    versionBefore = Long.parseLong(browser.find(".files-pane p.muted").getAttribute("data-version"));
    browser.find("a[data-file='candidates-fit.drl']").click();
    WebElement editor = browser.findWithText(".cm-content", "Send regional offers only to groups in their regions");
    assertThat(browser.all(".cm-content span[class]")).as("highlighted tokens").isNotEmpty();

    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
    editor.sendKeys("\nrule \"" + WALK_RULE + "\"\nwhen\nGroup( id == )\n$c : Candidate( kind == ContentKind.ACTIVITY )\n"
        + "then\ninsert( new ScoreAdjustment($c, 100, \"Activities first here this week\") );\nend\n");
    browser.find("#validate").click();

    WebElement error = browser.find("#rule-errors li");
    int line = Integer.parseInt(error.getAttribute("data-line"));
    error.findElement(By.cssSelector("button")).click();
    WebElement marked = browser.until(d -> browser.all(".cm-line").stream()
        .filter(l -> !l.findElements(By.cssSelector(".cm-lintRange-error")).isEmpty())
        .findFirst().orElse(null));
    assertThat(marked.getText()).contains("Group( id == )");
    assertThat(lineNumberOf(marked)).isEqualTo(line);
    assertThat(browser.all(".cm-lint-marker-error")).isNotEmpty();
    browser.screenshot("05-rules-error-1280");
  }

  @Test
  @Order(4)
  void fixingTheError_andSimulating_showsTheGroupWhoseSuggestionWouldChange() {
    browser.find(".cm-content");
    new Actions(browser.driver()).sendKeys(Keys.END, Keys.LEFT, "\"" + WALK_GROUP + "\" ").perform();
    browser.find("#validate").click();
    browser.findWithText("#rule-result", "Valid");
    assertThat(browser.all(".cm-lintRange-error")).isEmpty();

    browser.find("#simulate").click();

    WebElement row = browser.find("#simulation tr[data-group=" + WALK_GROUP + "]");
    assertThat(row.getText()).contains("changes").contains(suggestionBefore);
    browser.screenshot("06-rules-simulation-1280");

    browser.find("#journey").click();
    assertThat(browser.findWithText("#journey-report", "Journey of").getText())
        .contains("over 30 days").contains("offers per group-month");
  }

  @Test
  @Order(5)
  void publishing_asksForANoteShowingTheDiff_andActivatesANewVersion() {
    browser.find("#publish").click();
    assertThat(browser.find("#publish-diff").getText()).containsPattern("\\+\\s+rule \"" + Pattern.quote(WALK_RULE) + "\"");
    browser.find("#publish-confirm").click();
    assertThat(browser.find("#publish-note-error").getText()).contains("change note");
    browser.find("#publish-note").sendKeys("Activities first for the tea group this week");
    browser.find("#publish-confirm").click();

    browser.findWithText("#rule-result", "Published: version " + (versionBefore + 1));
    browser.findWithText(".versions-table tr.active", "v" + (versionBefore + 1));
    assertThat(browser.find(".versions-table tr.active td.note").getText()).isEqualTo("Activities first for the tea group this week");
    assertThat(server.get("/api/v1/rules/candidates-fit.drl", admin).body()).contains(WALK_RULE);
    browser.screenshot("07-rules-published-1280");
  }

  @Test
  @Order(6)
  void afterPublishing_theGroupsSuggestionChanges() {
    browser.open(server.baseUrl() + "/#/groups/" + WALK_GROUP);

    WebElement title = browser.until(d -> browser.all(".suggestion-title").stream()
        .filter(t -> !t.getText().isBlank()).findFirst().orElse(null));
    assertThat(title.getText()).isNotEqualTo(suggestionBefore);
    browser.findWithText("#suggestion .reasons", WALK_RULE);
    List<WebElement> timeline = browser.until(d -> {
      List<WebElement> entries = browser.all("#timeline-list > li[data-suggestion]");
      return entries.size() >= 2 ? entries : null;
    });
    assertThat(timeline.get(0).getText()).as("newest first").contains(title.getText());
    assertThat(browser.all("#timeline-list > li[data-state=superseded]")).as("the earlier decision, withdrawn by the"
        + " publish").anyMatch(e -> e.getText().contains(suggestionBefore) && e.getText().contains("Withdrawn unsent"));
    browser.screenshot("08-group-suggestion-changed-1280");
  }

  @Test
  @Order(7)
  void aStoredMarkdownFileWithAScript_doesNotRunInThePreview() {
    browser.open(server.baseUrl() + "/#/groups/script-check");

    browser.findWithText(".suggestion-title", "A page pasted from the web, with a script in it");
    browser.findWithText("#suggestion-preview", "bold words");
    assertNothingRan("#suggestion-preview");
    assertThat(browser.find("#suggestion-preview").getText()).as("HTML in Markdown shows as text, as on the platforms")
        .contains("<img src=\"x\" onerror=");
    browser.screenshot("09-script-in-markdown-1280");
  }

  @Test
  @Order(8)
  void rollingBack_restoresTheRulesBeforeThePublish() {
    navigate("Rules");
    WebElement rollback = browser.find(".versions-table tr[data-version='" + versionBefore + "'] button.rollback");
    rollback.sendKeys(Keys.ENTER);
    browser.find("#confirm-dialog");
    assertThat(focusedId()).as("the dialog takes focus on its safe answer").isEqualTo("confirm-no");
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    browser.until(d -> browser.all("#confirm-dialog").isEmpty());
    assertThat(browser.driver().switchTo().activeElement()).as("Escape closes it, and focus returns").isEqualTo(rollback);
    assertThat(browser.find(".versions-table tr.active").getText()).contains("v" + (versionBefore + 1));
    rollback.sendKeys(Keys.ENTER);
    browser.find("#confirm-dialog");
    new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertThat(focusedId()).isEqualTo("confirm-yes");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

    browser.findWithText("#rule-result", "Rolled back");
    browser.findWithText(".versions-table tr.active", "v" + (versionBefore + 2));
    assertThat(server.get("/api/v1/rules/candidates-fit.drl", admin).body()).doesNotContain(WALK_RULE);
    String active = browser.findWithText(".cm-content", "Send regional offers only to groups in their regions").getText();
    assertThat(active).as("the editor keeps the active text").doesNotContain(WALK_RULE);
    browser.screenshot("10-rules-versions-1280");
  }

  @Test
  @Order(9)
  void stats_showOutcomesPerRuleAndPerContentItem() {
    navigate("Stats");

    browser.until(d -> browser.all("#stats-body table").size() == 2);
    String tables = browser.find("#stats-body").getText();
    assertThat(tables).contains("Prefer content made for the group's interests");
    assertThat(tables).doesNotContain("[object", "undefined", "NaN");
    assertThat(browser.all("#stats-body svg rect")).as("the charts").isNotEmpty();
    browser.screenshot("11-stats-1280");
  }

  @Test
  @Order(10)
  void anOperator_seesANoteWhereEditorsSeeTheGaps_andNoError() {
    browser.find("#who button").click();
    browser.find("input[name=token]").sendKeys(operator, Keys.ENTER);
    browser.findWithText("#who .role", "operator");

    navigate("Content");

    assertThat(browser.findWithText("#gaps-for-editors", "Editors see here").isDisplayed()).isTrue();
    assertThat(browser.find("#content-gaps").getText()).doesNotContain("could not be loaded");
    assertThat(browser.all("#content-gaps .notice-error")).isEmpty();

    browser.open(server.baseUrl() + "/#/groups/" + SILENT_GROUP);
    assertThat(browser.find("#silence").getAttribute("data-status")).isEqualTo("empty");
    assertThat(browser.findWithText("#silence-recorded", "1 decision").getText()).contains("since");
    browser.screenshot("12-operator-silent-group-1280");
  }

  @Test
  @Order(11)
  void anEditor_seesContent_butNoRuleEditingAndNoStatsTabThatWouldAnswer403() {
    browser.find("#who button").click();
    browser.find("input[name=token]").sendKeys(editor, Keys.ENTER);

    browser.findWithText("#who .role", "editor");
    assertThat(navLinks()).containsExactly("Content");
    browser.until(d -> !browser.find("#content-gaps").getText().contains("Loading"));
    assertThat(browser.find("#content-gaps").getText()).doesNotContain("could not be loaded");
    assertThat(browser.all("#gaps-table").size() + browser.all("#content-gaps p").size()).isPositive();
    browser.open(server.baseUrl() + "/#/rules");
    browser.find("#content-title");
    assertThat(browser.all(".cm-editor")).isEmpty();
    browser.open(server.baseUrl() + "/#/stats");
    browser.find("#content-title");
    // The stored page with a script (tests 2 and 7) shows its HTML as text: not even the CSP has anything to refuse.
    assertThat(browser.consoleErrors(422)).as("no request of the walk so far failed but the invalid rules").isEmpty();
    browser.screenshot("12-editor-content-1280");
  }

  @Test
  @Order(12)
  void atPhoneWidth_everyViewFitsWithoutSidewaysScrolling() {
    browser.find("#who button").click();
    browser.width(390);
    browser.find("input[name=token]").sendKeys(admin, Keys.ENTER);
    browser.findWithText("#who .role", "admin");

    int index = 13;
    for (String name : VIEWS.keySet()) {
      openView(name);
      assertThat(browser.overflowsSideways()).as(name + " at 390 px").isFalse();
      browser.screenshot(index++ + "-" + name + "-390");
    }
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(browser.outsideRequests()).isEmpty();
  }

  @Test
  @Order(13)
  void inDarkMode_everyViewSwitchesPalette_andKeepsBodyTextAt4point5To1() {
    browser.width(1280);
    String text = "main h1, main h2, main p, main li, main td, main th, main label, main .muted, main .hint, "
        + "main a, main button, .top nav a";
    try {
      for (String name : VIEWS.keySet()) {
        Map<String, String> page = new java.util.HashMap<>();
        for (String scheme : List.of("light", "dark")) {
          browser.colorScheme(scheme);
          openView(name);
          assertThat(browser.script("return matchMedia('(prefers-color-scheme: dark)').matches"))
              .isEqualTo(scheme.equals("dark"));
          page.put(scheme, (String) browser.script("const s = getComputedStyle(document.documentElement);"
              + " const c = getComputedStyle(document.querySelector('main .card, main h1'));"
              + " return s.backgroundColor + ' / ' + c.color;"));
          List<Map<String, Object>> shown = browser.textContrast(text);
          assertThat(shown).as(name + " shows text").isNotEmpty();
          assertThat(shown.stream().filter(t -> ((Number) t.get("ratio")).doubleValue() < 4.5).toList())
              .as(name + " in " + scheme + ": text below 4.5:1").isEmpty();
          if (scheme.equals("dark")) {
            browser.screenshot("20-" + name + "-dark-1280");
          }
        }
        assertThat(page.get("dark")).as(name + ": background and text colours change").isNotEqualTo(page.get("light"));
      }
    } finally {
      browser.colorScheme("light");
    }
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(14)
  void everyView_byKeyboard_tabReachesEveryControl_andFocusIsAlwaysVisible() {
    browser.width(1280);
    for (String name : VIEWS.keySet()) {
      openView(name);

      Browser.KeyboardReach reach = browser.keyboardReach(400);

      assertThat(reach.controls()).as(name + " has controls").isGreaterThan(5);
      assertThat(reach.missed()).as(name + ": controls Tab never reaches").isEmpty();
      assertThat(reach.unmarked()).as(name + ": stops without a visible focus mark").isEmpty();
    }
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** Opens one of {@link #VIEWS} and waits until it has drawn what it loads. */
  private static void openView(String name) {
    browser.open(server.baseUrl() + "/" + VIEWS.get(name));
    browser.find("main h1");
    if (name.equals("rules")) {
      browser.find(".cm-content");
    } else if (name.equals("groups")) {
      browser.find(".groups-table tbody tr");
    } else if (name.equals("group-detail")) {
      browser.find(".suggestion-title");
      browser.find("#timeline-list > li");
    }
    browser.until(d -> browser.all("[aria-busy=true]").isEmpty() ? true : null);
  }

  private static void assertNothingRan(String container) {
    assertThat(browser.all(container + " script")).isEmpty();
    assertThat(browser.all(container + " [onerror]")).isEmpty();
    assertThat(browser.all(container + " a[href^='javascript']")).isEmpty();
    assertThat(browser.script("return window.__scriptRan === undefined && document.title !== 'script ran';"))
        .isEqualTo(true);
  }

  /** The titles of the listed content items, folded as the server sorts them. */
  private static List<String> resultTitles() {
    return browser.all("#content-results .results li > button").stream()
        .map(b -> b.getText().strip().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static List<String> sortedOrNull(List<String> titles) {
    return !titles.isEmpty() && titles.equals(titles.stream().sorted().toList()) ? titles : null;
  }

  /**
   * Ticks two groups with Space, adds a label to both with Enter (one request, each group's result
   * shown), starts to archive them and backs out with Escape, then removes the label again.
   */
  private static void labelTwoGroupsInOneRequest_byKeyboard() {
    for (String id : List.of("script-check", SILENT_GROUP)) {
      browser.find("tr[data-group=" + id + "] input[name=chosen]").sendKeys(Keys.SPACE);
    }
    browser.findWithText("#selected-count", "2");
    browser.find("input[name=bulk-label]").sendKeys("walk-pilot", Keys.ENTER);

    browser.findWithText("#bulk-result", "added to 2 of 2 groups");
    assertThat(browser.all("#bulk-result li[data-result=labelled]")).hasSize(2);
    browser.findWithText("tr[data-group=script-check] td.labels", "walk-pilot");
    browser.findWithText("tr[data-group=" + SILENT_GROUP + "] td.labels", "walk-pilot");
    browser.screenshot("02b-groups-bulk-label-1280");

    for (String id : List.of("script-check", SILENT_GROUP)) {
      browser.find("tr[data-group=" + id + "] input[name=chosen]").sendKeys(Keys.SPACE);
    }
    WebElement archive = browser.find("#bulk-archive");
    archive.sendKeys(Keys.ENTER);
    browser.findWithText("#confirm-message", "Archive 2 groups?");
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    browser.until(d -> browser.all("#confirm-dialog").isEmpty());
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(archive);
    browser.find("#bulk-remove-label").sendKeys(Keys.ENTER);
    browser.findWithText("#bulk-result", "removed from 2 of 2 groups");
    browser.until(d -> !browser.find("tr[data-group=script-check] td.labels").getText().contains("walk-pilot"));
    assertThat(server.get("/api/v1/groups/" + SILENT_GROUP, admin).statusCode()).as("not archived").isEqualTo(200);
  }

  private static String focusedId() {
    return browser.driver().switchTo().activeElement().getAttribute("id");
  }

  private static List<String> navLinks() {
    return browser.until(d -> {
      List<String> links = browser.all("#nav a").stream().map(WebElement::getText).toList();
      return links.isEmpty() ? null : links;
    });
  }

  private static void navigate(String section) {
    browser.until(d -> browser.all("#nav a").stream().filter(a -> a.getText().equals(section)).findFirst()
        .orElse(null)).click();
    browser.find("main h1");
  }

  /** Tabs from the top of the page to the section's link and presses Enter on it. */
  /** Moves focus with Shift+Tab, as a keyboard user would from wherever they are, then presses Enter. */
  private static void navigateByKeyboard(String section) {
    for (int i = 0; i < 40; i++) {
      new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      WebElement focused = browser.driver().switchTo().activeElement();
      if (focused.getText().equals(section)) {
        focused.sendKeys(Keys.ENTER);
        browser.findWithText("main h1", section);
        return;
      }
    }
    throw new AssertionError("no link to " + section + " could be reached with Shift+Tab");
  }


  private static int lineNumberOf(WebElement line) {
    return ((Number) browser.script("""
        const view = arguments[0].closest('.cm-editor');
        const lines = [...view.querySelectorAll('.cm-gutter.cm-lineNumbers .cm-gutterElement')];
        const top = arguments[0].getBoundingClientRect().top;
        const match = lines.find(g => Math.abs(g.getBoundingClientRect().top - top) < 3 && g.textContent.trim());
        return match ? Number(match.textContent) : -1;
        """, line)).intValue();
  }

  private static Path copyOfSamplesWith(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    try (var files = Files.list(TestServer.SAMPLES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    Files.writeString(dir.resolve(name), text);
    return dir;
  }
}
