package community.recommender.content.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.format.SampleLibrary;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.MediaAttachment;
import community.recommender.engine.model.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each platform's rendering of real items from the demo library, and of long bodies made from them. */
class ContentRendererTest {
  private static final Map<String, ContentItem> SAMPLES = SampleLibrary.read(Path.of("samples")).stream()
      .collect(Collectors.toMap(ContentItem::getId, Function.identity()));
  private static final ContentItem COFFEE_LECTURE_ZH = SAMPLES.get("lecture-coffee-roasting-zh");
  private static final ContentItem LANDSCAPE_LECTURE_EN = SAMPLES.get("lecture-landscape-photography-en");
  private static final ContentItem FLOWERS_GROUP_BUY_ZH = SAMPLES.get("group-buy-flowers-shanghai-zh");
  private static final String COVER = "https://example.com/community/landscape-talk-cover.jpg";
  private static final String SIGN_UP = "https://example.com/community/landscape-talk";

  private final ContentRenderer renderer = new ContentRenderer((id, name) -> "/media/" + id + "/" + name);

  @Test
  void wecom_chineseLectureIsPlainTextWithItsImageAndLinkAsAttachments() {
    WeComMessage message = (WeComMessage) renderer.render(COFFEE_LECTURE_ZH, Platform.WECOM);

    assertThat(message.text()).startsWith("专家公开课 · 线上直播\n\n为什么同一支埃塞俄比亚豆")
        .contains("课程内容：\n\n1. 从生豆到熟豆", "\n• 在群里回复\"报名+昵称\"即可，或填写报名表，名额 200 人；")
        .doesNotContain("**", "##", "](", "https://");
    assertThat(message.attachments()).containsExactly(
        new WeComAttachment(WeComAttachment.Kind.IMAGE, "https://example.com/community/roast-levels.png", "烘焙度对照卡"),
        new WeComAttachment(WeComAttachment.Kind.LINK, "https://example.com/community/roasting-class", "报名表"));
    assertThat(message.fits()).isTrue();
  }

  @Test
  void wecom_textOverFourThousandBytesIsRefusedThoughTelegramTakesItWhole() {
    ContentItem item = withBody(FLOWERS_GROUP_BUY_ZH, longBody("zh", 1600));
    assertThat(item.getBody().length()).isLessThan(PlatformLimits.TELEGRAM_TEXT);

    WeComMessage wecom = (WeComMessage) renderer.render(item, Platform.WECOM);
    TelegramMessages telegram = (TelegramMessages) renderer.render(item, Platform.TELEGRAM);

    int bytes = wecom.text().getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isGreaterThan(PlatformLimits.WECOM_TEXT_BYTES);
    assertThat(wecom.breaches()).containsExactly(new LimitBreach(Platform.WECOM, "bytes of text", 4000, bytes));
    assertThat(wecom.breaches().get(0).message()).isEqualTo(
        "WeCom allows at most 4000 bytes of text; this item needs " + bytes);
    assertThat(telegram.fits()).isTrue();
    assertThat(telegram.messages()).hasSize(1);
  }

  @Test
  void wecom_moreThanNineAttachmentsIsRefused() {
    List<MediaAttachment> media = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      media.add(new MediaAttachment("flowers-" + i + ".jpg", "image/jpeg"));
    }
    ContentItem item = FLOWERS_GROUP_BUY_ZH.toBuilder().media(media).build();
    ContentItem oneMore = COFFEE_LECTURE_ZH.toBuilder().media(media).build();

    WeComMessage nine = (WeComMessage) renderer.render(item, Platform.WECOM);
    WeComMessage eleven = (WeComMessage) renderer.render(oneMore, Platform.WECOM);

    assertThat(nine.attachments()).hasSize(9).first()
        .isEqualTo(new WeComAttachment(WeComAttachment.Kind.IMAGE,
            "/media/group-buy-flowers-shanghai-zh/flowers-1.jpg", ""));
    assertThat(nine.fits()).isTrue();
    assertThat(eleven.breaches()).containsExactly(new LimitBreach(Platform.WECOM, "attachments", 9, 11));
  }

  @Test
  void wecom_linkCardTitleIsCutToItsByteLimitOnWholeCharacters() {
    String label = "报名".repeat(40);
    ContentItem item = withBody(COFFEE_LECTURE_ZH, "点这里：[" + label + "](https://example.com/a)");

    WeComMessage message = (WeComMessage) renderer.render(item, Platform.WECOM);

    String title = message.attachments().get(0).title();
    assertThat(title.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(128);
    assertThat(title).endsWith("…").startsWith("报名报名");
    assertThat(message.text()).isEqualTo("点这里：" + label);
  }

  @Test
  void telegram_englishLectureKeepsItsFormattingAsEntities() {
    TelegramMessages rendering = (TelegramMessages) renderer.render(LANDSCAPE_LECTURE_EN, Platform.TELEGRAM);

    assertThat(rendering.messages()).hasSize(1);
    EntityText message = rendering.messages().get(0);
    assertThat(message.text()).startsWith("Live talk with a landscape photographer\n\nWe've invited")
        .contains("What we'll cover:\n\n1. Foreground, middle ground", "\n• Recording and slides shared afterwards")
        .doesNotContain("**", "![", "](");
    assertThat(spans(message, "bold")).contains("Live talk with a landscape photographer", "What we'll cover:",
        "Sign up:");
    TextEntity link = message.entities().stream().filter(e -> e.type().equals("text_link")).findFirst().orElseThrow();
    assertThat(message.text().substring(link.offset(), link.offset() + link.length())).isEqualTo("sign-up form");
    assertThat(link.url()).isEqualTo(SIGN_UP);
    assertThat(rendering.photos()).containsExactly(COVER);
    assertThat(rendering.fits()).isTrue();
  }

  @Test
  void telegram_longBodyIsSplitAtBlocksWithEntitiesMovedAlong() {
    ContentItem item = withBody(LANDSCAPE_LECTURE_EN, longBody("en", 6000));

    TelegramMessages rendering = (TelegramMessages) renderer.render(item, Platform.TELEGRAM);

    assertThat(rendering.messages()).hasSize(2);
    assertThat(rendering.fits()).isTrue();
    for (EntityText message : rendering.messages()) {
      assertThat(message.text().length()).isLessThanOrEqualTo(PlatformLimits.TELEGRAM_TEXT);
      assertThat(message.entities()).allSatisfy(e -> assertThat(e.offset() + e.length())
          .isLessThanOrEqualTo(message.text().length()));
    }
    List<String> bold = new ArrayList<>(spans(rendering.messages().get(0), "bold"));
    bold.addAll(spans(rendering.messages().get(1), "bold"));
    TelegramMessages whole = (TelegramMessages) renderer.render(withBody(item, longBody("en", 1)), Platform.TELEGRAM);
    assertThat(bold).startsWith(spans(whole.messages().get(0), "bold").toArray(String[]::new));
    assertThat(spans(rendering.messages().get(1), "bold")).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
  }

  @Test
  void telegram_oneBlockOverTheLimitIsRefused() {
    String paragraph = String.join(" ", java.util.Collections.nCopies(60, "A very long line of one paragraph that goes on."));
    ContentItem item = withBody(LANDSCAPE_LECTURE_EN, paragraph + "\n\n" + paragraph);

    TelegramMessages rendering = (TelegramMessages) renderer.render(item, Platform.TELEGRAM);

    assertThat(paragraph.length()).isBetween(2050, 4096);
    assertThat(rendering.fits()).isTrue();
    String tooLong = paragraph + " " + paragraph;
    TelegramMessages refused = (TelegramMessages) renderer.render(withBody(item, tooLong), Platform.TELEGRAM);
    assertThat(refused.breaches()).containsExactly(
        new LimitBreach(Platform.TELEGRAM, "characters in one message", 4096, tooLong.length()));
  }

  @Test
  void telegram_bodyNeedingMoreThanThreeMessagesIsRefused() {
    ContentItem item = withBody(LANDSCAPE_LECTURE_EN, longBody("en", 13_000));

    TelegramMessages rendering = (TelegramMessages) renderer.render(item, Platform.TELEGRAM);

    assertThat(rendering.messages()).hasSizeGreaterThan(3);
    assertThat(rendering.breaches()).containsExactly(new LimitBreach(Platform.TELEGRAM, "messages for one suggestion",
        3, rendering.messages().size()));
  }

  @Test
  void discord_shortBodyIsContentInMarkdownWithItsImageInAnEmbed() {
    DiscordMessage message = (DiscordMessage) renderer.render(LANDSCAPE_LECTURE_EN, Platform.DISCORD);

    assertThat(message.content()).startsWith("## Live talk with a landscape photographer")
        .contains("**What we'll cover:**", "[sign-up form](" + SIGN_UP + ")")
        .doesNotContain("![");
    assertThat(message.content().length()).isLessThanOrEqualTo(PlatformLimits.DISCORD_CONTENT);
    assertThat(message.embeds()).containsExactly(new DiscordEmbed(null, null, COVER));
    assertThat(message.fits()).isTrue();
  }

  @Test
  void discord_longBodyGoesInEmbedsUnderTheTitle() {
    ContentItem item = withBody(COFFEE_LECTURE_ZH, longBody("zh", 3000));

    DiscordMessage message = (DiscordMessage) renderer.render(item, Platform.DISCORD);

    assertThat(message.content()).isEmpty();
    assertThat(message.embeds().get(0).title()).isEqualTo(COFFEE_LECTURE_ZH.getTitle());
    assertThat(message.embeds()).allSatisfy(e -> assertThat(e.length())
        .isLessThanOrEqualTo(PlatformLimits.DISCORD_EMBED_DESCRIPTION + PlatformLimits.DISCORD_EMBED_TITLE));
    assertThat(message.fits()).isTrue();
  }

  @Test
  void discord_moreThanSixThousandCharactersAcrossEmbedsIsRefused() {
    ContentItem item = withBody(LANDSCAPE_LECTURE_EN, longBody("en", 7000));

    DiscordMessage message = (DiscordMessage) renderer.render(item, Platform.DISCORD);

    assertThat(message.embeds()).hasSizeGreaterThan(1);
    assertThat(message.breaches()).singleElement().satisfies(b -> {
      assertThat(b.limit()).isEqualTo("characters across embeds");
      assertThat(b.actual()).isGreaterThan(6000);
    });
  }

  @Test
  void slack_bodyIsOneMarkdownBlockUnderAHeaderWithImagesAfter() {
    SlackMessage message = (SlackMessage) renderer.render(COFFEE_LECTURE_ZH, Platform.SLACK);

    assertThat(message.text()).isEqualTo("烘焙师公开课：读懂咖啡豆的烘焙度");
    assertThat(message.blocks()).extracting(SlackBlock::type).containsExactly("header", "markdown", "image");
    assertThat(message.blocks().get(1).text()).contains("**课程内容：**", "[报名表](https://example.com/community/roasting-class)")
        .doesNotContain("![");
    assertThat(message.blocks().get(2))
        .isEqualTo(new SlackBlock("image", null, "https://example.com/community/roast-levels.png", "烘焙度对照卡"));
    assertThat(message.fits()).isTrue();
  }

  @Test
  void slack_markdownOverTwelveThousandCharactersIsRefused() {
    SlackMessage message = (SlackMessage) renderer.render(withBody(LANDSCAPE_LECTURE_EN, longBody("en", 12_500)),
        Platform.SLACK);

    assertThat(message.breaches()).singleElement().satisfies(b -> {
      assertThat(b.platform()).isEqualTo(Platform.SLACK);
      assertThat(b.allowed()).isEqualTo(12_000);
    });
  }

  @Test
  void wechat_isPlainTextWithAddressesToCopyByHand() {
    CopyByHand copy = (CopyByHand) renderer.render(COFFEE_LECTURE_ZH, Platform.WECHAT);

    assertThat(copy.text()).contains("或填写报名表 https://example.com/community/roasting-class，名额 200 人")
        .doesNotContain("**", "##");
    assertThat(copy.images()).containsExactly("https://example.com/community/roast-levels.png");
    assertThat(copy.fits()).isTrue();
  }

  @Test
  void otherPlatforms_getTheMarkdownAsWritten() {
    MarkdownText text = (MarkdownText) renderer.render(LANDSCAPE_LECTURE_EN, Platform.OTHER);

    assertThat(text.markdown()).isEqualTo(LANDSCAPE_LECTURE_EN.getBody());
    assertThat(text.images()).containsExactly(COVER);
  }

  @Test
  void storedImagesTheBodyShowsAreAddressedThroughMediaLinksAndTheRestFollow() {
    ContentItem item = withBody(FLOWERS_GROUP_BUY_ZH, "看看这束花：\n\n![本周花束](bouquet.jpg)").toBuilder()
        .media(List.of(new MediaAttachment("card.png", "image/png"), new MediaAttachment("bouquet.jpg", "image/jpeg")))
        .build();

    TelegramMessages rendering = (TelegramMessages) renderer.render(item, Platform.TELEGRAM);

    assertThat(rendering.photos()).containsExactly("/media/group-buy-flowers-shanghai-zh/bouquet.jpg",
        "/media/group-buy-flowers-shanghai-zh/card.png");
    assertThat(rendering.messages().get(0).text()).isEqualTo("看看这束花：");
  }

  @Test
  void everySampleFitsEveryPlatform() {
    assertThat(SAMPLES.values()).allSatisfy(item -> assertThat(renderer.breaches(item)).isEmpty());
  }

  @Test
  void unfitPlatforms_nameOnlyThePlatformsWhoseLimitsAreBroken() {
    ContentItem item = withBody(FLOWERS_GROUP_BUY_ZH, longBody("zh", 1600));

    assertThat(renderer.unfitPlatforms(item)).containsExactly(Platform.WECOM);
    assertThat(renderer.unfitPlatforms(withBody(item, longBody("en", 13_000))))
        .containsExactlyInAnyOrder(Platform.WECOM, Platform.TELEGRAM, Platform.DISCORD, Platform.SLACK);
  }

  /** The bodies of the samples in {@code language}, in name order, joined until at least {@code chars} long. */
  private static String longBody(String language, int chars) {
    StringBuilder body = new StringBuilder();
    for (ContentItem item : SAMPLES.values().stream()
        .sorted(java.util.Comparator.comparing(ContentItem::getId)).toList()) {
      if (item.getLanguage().equals(language)) {
        if (body.length() > 0) {
          body.append("\n\n");
        }
        body.append(item.getBody());
        if (body.length() >= chars) {
          break;
        }
      }
    }
    return body.toString();
  }

  private static ContentItem withBody(ContentItem item, String body) {
    return item.toBuilder().body(body).build();
  }

  private static List<String> spans(EntityText message, String type) {
    return message.entities().stream().filter(e -> e.type().equals(type))
        .map(e -> message.text().substring(e.offset(), e.offset() + e.length())).toList();
  }
}
