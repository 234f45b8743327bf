package community.recommender.web.http.suggestions;

import community.recommender.content.rendering.CopyByHand;
import community.recommender.content.rendering.DiscordEmbed;
import community.recommender.content.rendering.DiscordMessage;
import community.recommender.content.rendering.EntityText;
import community.recommender.content.rendering.MarkdownText;
import community.recommender.content.rendering.Platforms;
import community.recommender.content.rendering.Rendering;
import community.recommender.content.rendering.SlackBlock;
import community.recommender.content.rendering.SlackMessage;
import community.recommender.content.rendering.TelegramMessages;
import community.recommender.content.rendering.TextEntity;
import community.recommender.content.rendering.WeComAttachment;
import community.recommender.content.rendering.WeComMessage;
import community.recommender.web.http.LimitBreachJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Writes a rendering as chat tools receive it: the envelope (platform, whether it fits, the limits
 * it goes over, whether a person must send it), and one object named after the platform, shaped as
 * close to that platform's own API as a rendering allows.
 */
public final class RenderingJson {
  private RenderingJson() {}

  public static JsonObject toJson(Rendering rendering) {
    String format = Platforms.formatName(rendering.platform());
    JsonObject json = new JsonObject()
        .put("format", format)
        .put("fits", rendering.fits())
        .put("limitsExceeded", LimitBreachJson.toJson(rendering.breaches()))
        .put("copyByHand", rendering instanceof CopyByHand);
    return json.put(format, payload(rendering));
  }

  private static JsonObject payload(Rendering rendering) {
    if (rendering instanceof WeComMessage m) {
      return wecom(m);
    }
    if (rendering instanceof TelegramMessages m) {
      return telegram(m);
    }
    if (rendering instanceof DiscordMessage m) {
      return discord(m);
    }
    if (rendering instanceof SlackMessage m) {
      return slack(m);
    }
    if (rendering instanceof CopyByHand m) {
      return new JsonObject().put("text", m.text()).put("images", new JsonArray(m.images()));
    }
    MarkdownText m = (MarkdownText) rendering;
    return new JsonObject().put("markdown", m.markdown()).put("images", new JsonArray(m.images()));
  }

  private static JsonObject wecom(WeComMessage message) {
    JsonArray attachments = new JsonArray();
    for (WeComAttachment a : message.attachments()) {
      attachments.add(new JsonObject().put("type", a.kind().name().toLowerCase(Locale.ROOT)).put("url", a.url())
          .put("title", a.title()));
    }
    return new JsonObject().put("text", message.text()).put("attachments", attachments);
  }

  private static JsonObject telegram(TelegramMessages rendering) {
    JsonArray messages = new JsonArray();
    for (EntityText message : rendering.messages()) {
      JsonArray entities = new JsonArray();
      for (TextEntity e : message.entities()) {
        JsonObject entity = new JsonObject().put("type", e.type()).put("offset", e.offset()).put("length", e.length());
        if (e.url() != null) {
          entity.put("url", e.url());
        }
        if (e.language() != null) {
          entity.put("language", e.language());
        }
        entities.add(entity);
      }
      messages.add(new JsonObject().put("text", message.text()).put("entities", entities));
    }
    return new JsonObject().put("messages", messages).put("photos", new JsonArray(rendering.photos()));
  }

  private static JsonObject discord(DiscordMessage message) {
    JsonArray embeds = new JsonArray();
    for (DiscordEmbed e : message.embeds()) {
      JsonObject embed = new JsonObject();
      if (e.title() != null) {
        embed.put("title", e.title());
      }
      if (e.description() != null) {
        embed.put("description", e.description());
      }
      if (e.imageUrl() != null) {
        embed.put("image", new JsonObject().put("url", e.imageUrl()));
      }
      embeds.add(embed);
    }
    return new JsonObject().put("content", message.content()).put("embeds", embeds);
  }

  private static JsonObject slack(SlackMessage message) {
    JsonArray blocks = new JsonArray();
    for (SlackBlock b : message.blocks()) {
      blocks.add(switch (b.type()) {
        case "header" -> new JsonObject().put("type", "header")
            .put("text", new JsonObject().put("type", "plain_text").put("text", b.text()));
        case "image" -> new JsonObject().put("type", "image").put("image_url", b.imageUrl()).put("alt_text", b.altText());
        default -> new JsonObject().put("type", b.type()).put("text", b.text());
      });
    }
    return new JsonObject().put("text", message.text()).put("blocks", blocks);
  }
}
