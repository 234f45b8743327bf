package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.ServerConfig;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.openqa.selenium.support.ui.Select;

/**
 * An operator's experiment in the console, over the demo groups (whose demo activity is their
 * baseline): started in English (after the
 * server's 422 at an arm's field), watched, and three weeks later read as a report with its interval
 * chart in both languages and stopped after a confirmation; then a second one started, read and
 * stopped in Chinese. Also an item's performance panel and the learning shadow report. Every page at
 * 1280 and 390 px, with no sideways scroll, no console errors and nothing loaded from outside.
 * Screenshots go to {@code target/screenshots/experiments-*}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleExperimentsIT {
  private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  private static final Duration LATER = Duration.ofDays(21).plusHours(1);

  @TempDir static Path temp;
  private static TestDatabase database;
  private static ServerConfig config;
  private static TestServer server;
  private static Browser browser;
  private static String operator;
  private static final Map<String, Integer> MEMBERS = new HashMap<>();
  private static String postedItem;
  private static String postedTitle;
  private static String experiment;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start(SCREENSHOTS);
    database = TestDatabase.start();
    config = new ServerConfig(0, temp.resolve("data"), database.url(), TestServer.copyOfRules(temp.resolve("rules")),
        TestServer.SAMPLES, true).with(TestServer.UNLIMITED);
    server = TestServer.start(config);
    operator = database.token(Role.OPERATOR, List.of());
    for (Object g : new JsonObject(server.get("/api/v1/groups?pageSize=500", operator).body()).getJsonArray("items")) {
      String id = ((JsonObject) g).getString("id");
      JsonObject portrait = new JsonObject(server.get("/api/v1/groups/" + id, operator).body()).getJsonObject("portrait");
      MEMBERS.put(id, portrait.getInteger("memberCount", 100));
    }
    assertThat(MEMBERS).as("the demo groups").hasSizeGreaterThanOrEqualTo(6);

    String group = MEMBERS.keySet().iterator().next();
    HttpResponse<String> poll = server.get("/api/v1/groups/" + group + "/suggestion", operator);
    assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
    JsonObject suggestion = new JsonObject(poll.body());
    postedItem = suggestion.getJsonObject("content").getString("id");
    postedTitle = suggestion.getJsonObject("content").getString("title");
    HttpResponse<String> feedback = server.postJson("/api/v1/suggestions/" + suggestion.getString("id") + "/feedback",
        operator, new JsonObject().put("outcome", "posted")
            .put("metrics", new JsonObject().put("reactions", 12).put("replies", 4).put("clicks", 6)).encode());
    assertThat(feedback.statusCode()).as(feedback.body()).isIn(200, 201, 202, 204);
  }

  @AfterAll
  static void stop() {
    Closing.all(browser, server, database);
  }

  @Test
  @Order(1)
  void startingAnExperiment_showsTheServersRefusalAtTheArmsField_thenDealsTheDemoGroups() {
    browser.width(1280);
    signIn();
    assertThat(navLinks()).contains("Experiments");
    navigate("Experiments");
    browser.find("#experiments-none");
    browser.find("[name=experiment-name]").sendKeys("Evening stories");
    WebElement secondArm = browser.all("[name=arm-name]").get(1);
    secondArm.clear();
    secondArm.sendKeys("evening stories");
    assertThat(browser.all("[name=arm-version]").get(1).isEnabled()).as("a version arm picks its version").isTrue();
    assertThat(browser.all("[name=arm-version]").get(0).isEnabled()).as("an active arm has no version").isFalse();
    browser.find("#start-experiment").click();

    WebElement error = browser.findWithText("#error-arms-1--name", "Not valid:");
    assertThat(error.getText()).contains("an arm's name is 1-40 letters");
    assertThat(secondArm.getAttribute("aria-invalid")).isEqualTo("true");
    checkPage("experiments-01-arm-error-en", 422);

    secondArm.clear();
    secondArm.sendKeys("stories");
    browser.find("#start-experiment").click();

    browser.findWithText("#experiment-title", "Evening stories");
    assertThat(browser.find("#experiment-status").getAttribute("data-status")).isEqualTo("running");
    experiment = browser.until(d -> {
      String hash = (String) browser.script("return location.hash");
      return hash.matches("#/experiments/[0-9a-f-]{36}") ? hash.substring("#/experiments/".length()) : null;
    });
    int dealt = browser.all("#experiment-arms-table tbody tr").stream()
        .mapToInt(row -> Integer.parseInt(row.findElements(By.cssSelector("td")).get(2).getText()))
        .sum();
    assertThat(dealt).as("every demo group is dealt an arm").isEqualTo(MEMBERS.size());
    assertThat(browser.all("#experiment-groups-table tbody tr")).hasSize(MEMBERS.size());
    checkPage("experiments-02-watch-en");
  }

  @Test
  @Order(2)
  void threeWeeksLater_theReportDrawsEachArmsInterval_inBothLanguages() {
    server.close();
    server = TestServer.startAhead(config, LATER);
    JsonObject created = new JsonObject(server.get("/api/v1/experiments/" + experiment, operator).body());
    Instant start = Instant.parse(created.getString("startsAt"));
    for (Object a : new JsonObject(server.get("/api/v1/experiments/" + experiment + "/groups", operator).body())
        .getJsonArray("items")) {
      JsonObject assignment = (JsonObject) a;
      String group = assignment.getString("groupId");
      report(group, start, 3, MEMBERS.get(group), assignment.getString("arm").equals("stories") ? 4.5 : 3);
    }

    browser.width(1280);
    signIn();
    browser.open(server.baseUrl() + "/#/experiments/" + experiment + "/report");
    browser.findWithText("#report-title", "Report: Evening stories");
    assertThat(browser.find("#report-verdict").getText()).isNotBlank();
    assertThat(browser.find("#report-warnings").getText()).contains("still running");
    assertThat(browser.all("#report-arms tbody tr")).hasSize(3);
    JsonObject report = new JsonObject(server.get("/api/v1/experiments/" + experiment + "/report", operator).body());
    assertThat(report.getJsonArray("arms").getJsonObject(1).getJsonObject("againstControl"))
        .as("the challenger is compared with the control: %s", report.encode()).isNotNull();
    WebElement stories = browser.present(".interval-chart g.interval[data-arm='stories']");
    assertThat(stories.findElements(By.cssSelector("circle"))).hasSize(1);
    assertThat(browser.present(".interval-chart .zero-line")).isNotNull();
    checkPage("experiments-03-report-en");

    chooseLanguage("zh-CN");
    browser.findWithText("#report-title", "报告：Evening stories");
    assertThat(browser.find("#verdict-title").getText()).isEqualTo("结论");
    browser.present(".interval-chart g.interval[data-arm='stories']");
    checkPage("experiments-04-report-zh");
    chooseLanguage("en");
  }

  @Test
  @Order(3)
  void stoppingAnExperiment_asksFirst_thenSendsItsGroupsBackToTheActiveRules() {
    browser.width(390);
    browser.find("a[href='#/experiments/" + experiment + "']").click();
    browser.findWithText("#experiment-title", "Evening stories");
    browser.find("#stop-experiment").click();
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("stop-confirm");
    browser.find("#stop-cancel").click();
    assertThat(browser.find("#experiment-status").getAttribute("data-status")).isEqualTo("running");

    browser.find("#stop-experiment").click();
    browser.find("#stop-confirm").click();
    browser.find("#experiment-status[data-status=stopped]");
    assertThat(browser.all("#stop-experiment")).isEmpty();
    assertThat(new JsonObject(server.get("/api/v1/experiments/" + experiment, operator).body()).getString("status"))
        .isEqualTo("stopped");
    checkPage("experiments-05-stopped-en");
  }

  @Test
  @Order(4)
  void inChinese_anExperimentIsStarted_read_andStopped() {
    browser.width(390);
    chooseLanguage("zh-CN");
    navigate("实验");
    browser.findWithText("#experiments-list .experiment-status", "已停止");
    browser.find("[name=experiment-name]").sendKeys("晚间故事");
    WebElement baseline = browser.find("[name=experiment-baselineDays]");
    baseline.clear();
    baseline.sendKeys("3");
    browser.find("#start-experiment").click();
    assertThat(browser.findWithText("#error-baselineDays", "校验未通过").getText()).contains("baselineDays");
    checkPage("experiments-06-field-error-zh", 422);

    baseline.clear();
    baseline.sendKeys("28");
    browser.find("#start-experiment").click();
    browser.findWithText("#experiment-title", "晚间故事");
    assertThat(browser.find("#experiment-status").getText()).isEqualTo("进行中");
    assertThat(browser.all("#experiment-groups-table tbody tr")).hasSize(MEMBERS.size());
    checkPage("experiments-07-watch-zh");

    browser.find("#experiment-report").click();
    browser.findWithText("#report-title", "报告：晚间故事");
    assertThat(browser.find("#report-verdict").getText()).isNotBlank();
    assertThat(browser.find("#report-warnings").getText()).isNotBlank();
    checkPage("experiments-08-report-zh");

    browser.findWithText("main a", "返回实验").click();
    browser.find("#stop-experiment").click();
    browser.findWithText("#stop-question", "晚间故事");
    browser.find("#stop-confirm").click();
    browser.find("#experiment-status[data-status=stopped]");
    browser.findWithText("#experiment-body .notice-ok", "实验已停止");
    checkPage("experiments-09-stopped-zh");
    chooseLanguage("en");
  }

  @Test
  @Order(5)
  void anItemsPerformance_andLearningsShadowReport_areShownInBothLanguages() {
    browser.width(1280);
    navigate("Content");
    browser.find("input[name=q]").sendKeys(postedTitle, Keys.ENTER);
    openPostedItem();
    // The posted item's posts (the third cell, after the stage and the interest): 1. The panel may be
    // drawn again while it loads, so this is waited for.
    browser.until(d -> d.findElements(By.cssSelector("#performance-table tbody tr td:nth-child(3)")).stream()
        .filter(cell -> cell.getText().equals("1")).findFirst().orElse(null));
    checkPage("experiments-10-performance-en");
    chooseLanguage("zh-CN");
    browser.find("input[name=q]").sendKeys(postedTitle, Keys.ENTER);
    openPostedItem();
    browser.findWithText("#item-performance-title", "分细分表现");
    browser.find("#performance-table tbody tr");
    checkPage("experiments-11-performance-zh");

    navigate("统计");
    browser.findWithText("#shadow-title", "学习与规则并行对比");
    assertThat(browser.find("#shadow-agreement").getText()).isNotBlank();
    checkPage("experiments-12-shadow-zh");
    chooseLanguage("en");
    browser.findWithText("#shadow-title", "Learning beside the rules");
    browser.find("#shadow-table");
    String inShadow = browser.find("#shadow-agreement").getText();
    assertThat(inShadow).startsWith("From ");
    checkPage("experiments-13-shadow-en");
    // Learning stays in shadow here, so no decision was made with it on.
    new Select(browser.find("#shadow-mode")).selectByValue("on");
    browser.findWithText("#shadow-agreement", "No decision recorded what learning would choose");
  }

  /** Opens the posted item from the search results, again if the results were drawn anew under the click. */
  private static void openPostedItem() {
    browser.until(d -> {
      d.findElement(By.cssSelector("li[data-content='" + postedItem + "'] button")).click();
      return true;
    });
  }

  /** Signs in on the current server as the operator. */
  private static void signIn() {
    browser.open(server.baseUrl() + "/");
    browser.find("input[name=token]").sendKeys(operator, Keys.ENTER);
    browser.find("#nav a");
  }

  /** {@code weeks} weekly windows from {@code from} at {@code rate} messages per member per week. */
  private static void report(String group, Instant from, int weeks, int members, double rate) {
    JsonArray windows = new JsonArray();
    for (int week = 0; week < weeks; week++) {
      long messages = Math.round(members * (rate + 0.2 * ((group.hashCode() + week) % 3)));
      windows.add(new JsonObject().put("from", from.plus(Duration.ofDays(7L * week)).toString())
          .put("to", from.plus(Duration.ofDays(7L * week + 7)).toString()).put("messages", messages)
          .put("activeMembers", Math.max(1, members / 3)));
    }
    HttpResponse<String> sent = server.post("/api/v1/groups/" + group + "/activity", operator, "application/json",
        windows.encode());
    assertThat(sent.statusCode()).as(group + ": " + sent.body()).isEqualTo(200);
  }

  /**
   * At 1280 and at 390 px: no sideways scroll, no console errors but the expected statuses, nothing
   * loaded from outside; and a screenshot at each. The window is left at the width it had.
   */
  private static void checkPage(String name, int... expected) {
    int before = ((Number) browser.script("return window.outerWidth")).intValue();
    for (int width : new int[] {1280, 390}) {
      browser.width(width);
      browser.until(d -> ((Number) browser.script("return window.innerWidth")).intValue() <= width);
      assertThat(browser.overflowsSideways()).as(name + " at " + width + " px").isFalse();
      browser.screenshot(name + "-" + width);
    }
    browser.width(before < 600 ? 390 : 1280);
    assertThat(browser.consoleErrors(expected)).as(name).isEmpty();
    assertThat(browser.outsideRequests()).as(name).isEmpty();
  }

  private static void chooseLanguage(String tag) {
    if (!tag.equals(browser.script("return document.documentElement.lang"))) {
      browser.find("#language").sendKeys(tag.equals("en") ? Keys.ARROW_DOWN : Keys.ARROW_UP);
      browser.until(d -> tag.equals(browser.script("return document.documentElement.lang")));
    }
    browser.find("#language");
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
}
