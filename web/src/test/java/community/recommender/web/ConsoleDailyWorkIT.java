package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import community.recommender.web.server.ServerConfig;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Daily work in the console, in Chinese, on a fresh install without demo data, in a browser whose
 * language is zh-CN: create a group (seeing the server's 422 at its field first), a bot token for it,
 * drop a Markdown file with its image in one go, edit the item, publish a rule with a change note and
 * roll it back; then both languages at 1280 and 390 px, and an editor's console. Screenshots go to
 * {@code target/screenshots/daily-*}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDailyWorkIT {
  private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  private static final String GROUP = "sh-tea-0217";
  private static final String ITEM = "rainy-tea-zh";
  /** A 1×1 PNG. */
  private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  private static final String MARKDOWN = """
      ---
      id: rainy-tea-zh
      kind: POST
      title: 雨天的下午茶
      language: zh
      tags: [scene]
      interests: [tea]
      status: published
      media: [tea.png]
      ---
      ## 下雨天，泡一壶茶

      ![一壶茶](tea.png)

      今天适合**慢慢喝茶**。
      """;

  @TempDir static Path temp;
  private static TestDatabase database;
  private static TestServer server;
  private static Browser browser;
  private static String admin;
  private static long versionBefore;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start(SCREENSHOTS, "zh-CN");
    database = TestDatabase.start();
    Path data = temp.resolve("data");
    server = TestServer.start(new ServerConfig(0, data, database.url(), TestServer.copyOfRules(temp.resolve("rules")),
        TestServer.SAMPLES, false).with(TestServer.UNLIMITED));
    admin = TestServer.adminToken(data);
  }

  @AfterAll
  static void stop() {
    Closing.all(browser, server, database);
  }

  @Test
  @Order(1)
  void aChineseBrowser_getsTheConsoleInChinese_andAnEmptyInstallShowsTheWayForward() {
    browser.width(1280);
    browser.open(server.baseUrl() + "/");

    browser.findWithText("main h1", "登录");
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
    browser.find("input[name=token]").sendKeys(admin, Keys.ENTER);

    browser.findWithText("#who .role", "管理员");
    assertThat(navLinks()).containsExactly("社群", "内容", "规则", "统计", "实验", "令牌");
    browser.findWithText(".count", "0 个社群中显示 0 个");
    assertThat(browser.find("#new-group").getText()).isEqualTo("新建社群");
    browser.screenshot("daily-01-empty-groups-zh-1280");
  }

  @Test
  @Order(2)
  void creatingAGroup_showsTheServersRefusalAtItsField_thenSavesEveryKey() {
    browser.find("#new-group").sendKeys(Keys.ENTER);
    type("id", GROUP);
    type("name", "上海茶友会");
    new Select(browser.find("select[name=platform]")).selectByValue("wecom");
    type("interests", "tea, baking");
    type("region", "CN-SH-Shanghai");
    type("language", "zh");
    type("timezone", "Asia/Shanghai");
    type("quietHours", "25:00-08:00");
    type("memberCount", "120");
    type("kocs", "小王, 阿梅");
    type("labels", "门店");
    type("attributes", "minGapMinutes=120\nmonthlySendQuota=8");
    browser.find("#save-portrait").click();

    WebElement error = browser.findWithText("#error-quietHours", "校验未通过");
    assertThat(error.getText()).contains("quietHours must look like 22:00-08:00");
    assertThat(browser.find("input[name=quietHours]").getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("daily-02-group-field-error-zh-1280");

    browser.find("input[name=quietHours]").clear();
    type("quietHours", "22:00-08:00");
    browser.find("#save-portrait").click();

    browser.findWithText("#group-title", "上海茶友会");
    assertThat(browser.find(".facts-list").getText()).contains("企业微信", "22:00-08:00", "Asia/Shanghai", "门店");
    JsonObject portrait = new JsonObject(server.get("/api/v1/groups/" + GROUP, admin).body()).getJsonObject("portrait");
    assertThat(portrait.getJsonObject("attributes").getMap()).containsEntry("minGapMinutes", "120")
        .containsEntry("monthlySendQuota", "8");
    assertThat(portrait.getJsonArray("kocs").getList()).containsExactly("小王", "阿梅");
    assertThat(browser.find("#history-empty").getText()).contains("还没有");
    browser.screenshot("daily-03-group-zh-1280");
  }

  @Test
  @Order(3)
  void anAdmin_createsABotTokenForTheGroup_seesItOnce_andSeesWhenItWasLastUsed() {
    navigateByKeyboard("令牌");
    type("token-name", "店长助手");
    browser.present("select[name=token-groups] option[value='" + GROUP + "']");
    new Select(browser.find("select[name=token-groups]")).selectByValue(GROUP);
    browser.find("#create-token").click();

    String token = browser.find("#token-secret").getAttribute("value");
    assertThat(token).startsWith("cr_");
    assertThat(browser.find("#copy-token").getText()).isEqualTo("复制");
    WebElement row = browser.findWithText(".tokens-table tbody tr", "店长助手");
    assertThat(row.getText()).contains("机器人", GROUP, "从未");
    browser.screenshot("daily-04-token-created-zh-1280");

    assertThat(server.get("/api/v1/groups/" + GROUP, token).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> new JsonObject(server.get("/api/v1/tokens", admin).body())
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(t -> "店长助手".equals(t.getString("name")) && t.getValue("lastUsedAt") != null));
    browser.driver().navigate().refresh();
    WebElement used = browser.findWithText(".tokens-table tbody tr", "店长助手");
    assertThat(used.findElement(By.cssSelector(".last-used")).getText()).isNotEqualTo("从未").isNotBlank();
    assertThat(browser.all("#token-secret")).as("shown once only").isEmpty();
  }

  @Test
  @Order(4)
  void droppingAMarkdownFileWithItsImage_uploadsBothInOneRequest_andPreviewsTheImage() {
    browser.open(server.baseUrl() + "/#/content");
    browser.findWithText("main h1", "内容");

    browser.script("""
        const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));
        const files = new DataTransfer();
        files.items.add(new File([arguments[0]], 'rainy-tea.md', { type: 'text/markdown' }));
        files.items.add(new File([bytes], 'tea.png', { type: 'image/png' }));
        document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true }));
        """, MARKDOWN, PNG);

    WebElement row = browser.find("#upload-results li[data-files='rainy-tea.md tea.png']");
    browser.until(d -> row.getAttribute("class").matches(".*(done|failed).*"));
    assertThat(row.getAttribute("class")).contains("done");
    assertThat(browser.all("#upload-results > li")).as("one request for the drop").hasSize(1);
    assertThat(row.findElement(By.cssSelector("li[data-file='rainy-tea.md']")).getAttribute("data-result")).isEqualTo("created");
    assertThat(row.findElement(By.cssSelector("button[data-item='" + ITEM + "']")).getText()).isEqualTo(ITEM);
    assertThat(row.getText()).contains("已保存", "已新建");
    assertImageLoaded(".upload-previews img");
    browser.screenshot("daily-05-upload-zh-1280");
  }

  @Test
  @Order(5)
  void editingTheItem_previewsLive_savesANewVersion_andShowsTheDiff() {
    browser.find("button[data-item='" + ITEM + "']").click();
    browser.find("#item-form");
    assertImageLoaded("#content-preview img");
    assertThat(browser.find("#content-preview img").getAttribute("src")).startsWith("blob:");

    WebElement title = browser.find("input[name=item-title]");
    title.clear();
    title.sendKeys("雨天的下午茶（周末版）");
    WebElement body = browser.find("textarea[name=item-body]");
    body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\n周末再加一场**品茶会**。");
    browser.findWithText("#content-preview", "周末再加一场品茶会");
    browser.find("#save-item").click();

    browser.findWithText("#item-result", "已保存为版本 2");
    browser.until(d -> browser.all(".item-versions-table tbody tr").size() == 2);
    browser.find(".item-versions-table tr[data-version='1'] .diff-version").click();
    assertThat(browser.find("#item-diff-view").getText()).contains("+ title: 雨天的下午茶（周末版）", "- title: 雨天的下午茶");
    assertThat(new JsonObject(server.get("/api/v1/content/" + ITEM, admin).body()).getString("title"))
        .isEqualTo("雨天的下午茶（周末版）");
    browser.screenshot("daily-06-item-edited-zh-1280");
  }

  @Test
  @Order(6)
  void theRuleEditor_completesTheVocabularyOfTheRulesGuide() {
    browser.open(server.baseUrl() + "/#/rules");
    browser.findWithText("main h1", "规则");
    WebElement name = browser.find("input[name=new-file]");
    name.sendKeys("scratch", Keys.ENTER);
    WebElement editor = browser.find(".cm-content");
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "ContentKind.");
    new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();

    WebElement options = browser.find(".cm-tooltip-autocomplete");
    assertThat(options.getText()).contains("ACTIVITY", "OFFER", "POST");
    browser.screenshot("daily-07-rules-completion-zh-1280");
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
  }

  @Test
  @Order(7)
  void publishingARule_asksForANote_showsTheDiff_andRollingBackKeepsTheActiveText() {
    browser.open(server.baseUrl() + "/#/rules/candidates-fit.drl");
    versionBefore = Long.parseLong(browser.find(".files-pane p.muted").getAttribute("data-version"));
    WebElement editor = browser.findWithText(".cm-content", "Send regional offers only to groups in their regions");
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n// 茶友会本周先做活动\n");
    browser.find("#publish").click();

    assertThat(browser.find("#publish-diff").getText()).containsPattern("\\+\\s+// 茶友会本周先做活动");
    new Actions(browser.driver()).sendKeys("茶友会活动周").sendKeys(Keys.TAB).perform();
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("publish-confirm");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

    browser.findWithText("#rule-result", "已发布：版本 " + (versionBefore + 1) + " 生效");
    assertThat(browser.find(".versions-table tr.active td.note").getText()).isEqualTo("茶友会活动周");
    browser.screenshot("daily-08-rules-published-zh-1280");

    browser.find(".versions-table tr[data-version='" + (versionBefore + 1) + "'] .show-diff").click();
    assertThat(browser.find("#version-diff").getText()).contains("说明：茶友会活动周")
        .containsPattern("\\+\\s+// 茶友会本周先做活动");
    browser.find(".versions-table tr[data-version='" + versionBefore + "'] button.rollback").click();
    browser.find("#confirm-yes").click();

    browser.findWithText("#rule-result", "已回滚");
    browser.findWithText(".versions-table tr.active", "v" + (versionBefore + 2));
    assertThat(browser.find(".versions-table tr.active td.note").getText()).isEqualTo("回滚到版本 " + versionBefore);
    String active = browser.findWithText(".cm-content", "Send regional offers only to groups in their regions").getText();
    assertThat(active).doesNotContain("茶友会本周先做活动");
    assertThat(server.get("/api/v1/rules/candidates-fit.drl", admin).body()).doesNotContain("茶友会本周先做活动");
    browser.screenshot("daily-09-rules-rolled-back-zh-1280");
  }

  @Test
  @Order(8)
  void theLanguage_isSwitchable_andRemembered() {
    chooseLanguage("en");
    assertThat(navLinks()).containsExactly("Groups", "Content", "Rules", "Stats", "Experiments", "Tokens");
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");

    browser.open(server.baseUrl() + "/#/groups/" + GROUP);
    browser.findWithText("#group-title", "上海茶友会");
    assertThat(browser.find(".facts-list").getText()).contains("WeCom");
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    chooseLanguage("zh-CN");
    assertThat(navLinks()).containsExactly("社群", "内容", "规则", "统计", "实验", "令牌");
  }

  @Test
  @Order(9)
  void everyView_inBothLanguages_atBothWidths_fitsWithoutSidewaysScrolling_withoutErrorsOrOutsideRequests() {
    Map<String, String> views = Map.of("groups", "#/groups", "group", "#/groups/" + GROUP, "content", "#/content",
        "rules", "#/rules/candidates-fit.drl", "stats", "#/stats", "tokens", "#/tokens");
    for (String language : List.of("zh-CN", "en")) {
      chooseLanguage(language);
      for (int width : List.of(1280, 390)) {
        browser.width(width);
        for (String name : List.of("groups", "group", "content", "rules", "stats", "tokens")) {
          browser.open(server.baseUrl() + "/" + views.get(name));
          browser.find("main h1");
          if (name.equals("rules")) {
            browser.find(".cm-content");
          }
          assertThat(browser.script("return document.documentElement.lang")).isEqualTo(language);
          assertThat(browser.overflowsSideways()).as(name + " in " + language + " at " + width + " px").isFalse();
          browser.screenshot("daily-10-" + name + "-" + language + "-" + width);
        }
      }
    }
    assertThat(browser.consoleErrors(422)).as("errors but the 422 the walk provoked").isEmpty();
    assertThat(browser.outsideRequests()).isEmpty();
  }

  @Test
  @Order(10)
  void anEditor_seesNoTabThatAnswers403() {
    browser.width(1280);
    chooseLanguage("zh-CN");
    browser.find("#sign-out").click();
    browser.find("input[name=token]").sendKeys(database.token(Role.EDITOR, List.of()), Keys.ENTER);

    browser.findWithText("#who .role", "编辑");
    assertThat(navLinks()).containsExactly("内容");
    for (String hidden : List.of("#/stats", "#/groups", "#/rules", "#/tokens")) {
      browser.open(server.baseUrl() + "/" + hidden);
      browser.findWithText("main h1", "内容");
    }
    browser.find("#content-results li");
    assertThat(browser.consoleErrors()).as("no request answered 403 or failed otherwise").isEmpty();
    browser.screenshot("daily-11-editor-zh-1280");
  }

  /**
   * Picks a language in the switch, as the keyboard would (focus, then an arrow key: 中文 is first, English second),
   * and waits for the page to follow; the switch itself is rebuilt in the new language.
   */
  private static void chooseLanguage(String tag) {
    if (!tag.equals(browser.script("return document.documentElement.lang"))) {
      browser.find("#language").sendKeys(tag.equals("en") ? Keys.ARROW_DOWN : Keys.ARROW_UP);
      browser.until(d -> tag.equals(browser.script("return document.documentElement.lang")));
    }
    browser.find("#language");
  }

  private static void type(String name, String text) {
    WebElement control = browser.find("[name='" + name + "']");
    control.sendKeys(text);
  }

  private static void assertImageLoaded(String css) {
    WebElement image = browser.find(css);
    browser.until(d -> ((Number) browser.script("return arguments[0].complete ? arguments[0].naturalWidth : 0", image))
        .intValue() > 0);
  }

  private static List<String> navLinks() {
    return browser.until(d -> {
      List<String> links = browser.all("#nav a").stream().map(WebElement::getText).toList();
      return links.isEmpty() ? null : links;
    });
  }

  /** Moves focus with Shift+Tab from wherever it is to the section's link, then presses Enter on it. */
  private static void navigateByKeyboard(String section) {
    for (int i = 0; i < 60; i++) {
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
}
