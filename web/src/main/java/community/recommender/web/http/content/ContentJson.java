package community.recommender.web.http.content;

import community.recommender.content.format.ContentItemJson;
import community.recommender.content.upload.ContentProblem;
import community.recommender.engine.model.ContentItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Content items and upload problems as the API writes them. */
public final class ContentJson {
  private ContentJson() {}

  /** The item in its editor's shape, each image with the URL it is served at. */
  public static JsonObject toJson(ContentItem item) {
    JsonObject json = new JsonObject(ContentItemJson.toJson(item));
    JsonArray media = json.getJsonArray("media", new JsonArray());
    for (int i = 0; i < media.size(); i++) {
      JsonObject attachment = media.getJsonObject(i);
      attachment.put("url", "/api/v1/content/" + encode(item.getId()) + "/media/" + encode(attachment.getString("name")));
    }
    return json;
  }

  /** One problem: its file, line, field, status and message. */
  public static JsonObject toJson(ContentProblem problem, int status) {
    JsonObject json = new JsonObject().put("file", problem.file()).put("status", status).put("message", problem.message());
    if (problem.line() > 0) {
      json.put("line", problem.line());
    }
    if (problem.field() != null) {
      json.put("field", problem.field());
    }
    return json;
  }

  /** The problems, each with the status its fault maps to. */
  public static JsonArray problems(List<ContentProblem> problems) {
    JsonArray array = new JsonArray();
    problems.forEach(p -> array.add(toJson(p, Faults.status(p.fault()))));
    return array;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
