package community.recommender.web.http.groups;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.NulCharacters;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.engine.model.Portrait;
import community.recommender.web.application.groups.GroupService;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.http.GroupIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/groups/import}: creates or replaces many portraits from one CSV or JSON
 * file, all or none.
 *
 * <p>Every record is checked before anything is written, and every problem is answered at once,
 * each naming its line (CSV) or row (JSON) and field, so that a file can be fixed in one go.
 */
public final class GroupImportRoutes implements Routes {
  /** The largest file taken: room for about 200,000 groups. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private static final String PATH = "/api/v1/groups/import";
  private static final int MAX_PROBLEMS = 100;

  private final GroupService groups;

  public GroupImportRoutes(GroupService groups) {
    this.groups = groups;
  }

  @Override
  public void mountBeforeBody(Router router) {
    router.post(PATH).handler(BodyHandler.create().setBodyLimit(MAX_FILE_BYTES));
  }

  @Override
  public void mount(Router router) {
    router.post(PATH).handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::importFile);
  }

  private void importFile(RoutingContext ctx) {
    Map<String, Portrait> portraits = validate(read(ctx));
    groups.importAll(portraits)
        .onSuccess(created -> Responses.json(ctx, 200, new JsonObject()
            .put("imported", portraits.size())
            .put("created", created)
            .put("replaced", portraits.size() - created)))
        .onFailure(ctx::fail);
  }

  private static List<GroupRecord> read(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiError.malformed("the request needs a file as its body");
    }
    List<GroupRecord> records = switch (mediaType) {
      case "application/json" -> GroupImportJson.read(ctx.body().buffer());
      case "text/csv" -> GroupCsv.read(ctx.body().buffer().toString(StandardCharsets.UTF_8));
      default -> throw ApiError.unsupportedType("send the file as text/csv or application/json, not '" + type + "'");
    };
    if (records.isEmpty()) {
      throw ApiError.invalidRecords("the file holds no group", new JsonArray());
    }
    return records;
  }

  private static Map<String, Portrait> validate(List<GroupRecord> records) {
    Map<String, Portrait> portraits = new LinkedHashMap<>();
    Map<String, Integer> firstSeen = new LinkedHashMap<>();
    JsonArray problems = new JsonArray();
    int invalid = 0;
    for (GroupRecord record : records) {
      JsonObject fields = record.fields().copy();
      Object idValue = fields.remove("id");
      String id = idValue instanceof String text ? text.strip() : null;
      try {
        if (idValue != null && id == null) {
          throw ApiError.invalid("id", "id must be a string, not " + idValue);
        }
        GroupIds.check(id, "id");
        NulCharacters.refuseIn(fields, "");
        if (firstSeen.containsKey(id)) {
          throw ApiError.invalid("id", "the id '" + id + "' was already used on " + record.unit() + " "
              + firstSeen.get(id));
        }
        firstSeen.put(id, record.number());
        portraits.put(id, PortraitJson.fromJson(fields));
      } catch (ApiError e) {
        invalid++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new JsonObject().put(record.unit(), record.number()).put("id", id).put("field", e.field())
              .put("message", e.getMessage()));
        }
      }
    }
    if (invalid > 0) {
      throw ApiError.invalidRecords(invalid + " of " + records.size() + " groups are invalid; nothing was imported",
          problems);
    }
    return portraits;
  }
}
