package community.recommender.web.http.content;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.NulCharacters;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.http.SortParam;

import community.recommender.content.format.ContentValidator;
import community.recommender.content.index.ContentOrder;
import community.recommender.content.index.ContentSearch;
import community.recommender.content.index.ContentSearchRequest;
import community.recommender.content.index.ContentSearchResults;
import community.recommender.content.rendering.LimitBreach;
import community.recommender.content.rendering.PlatformFit;
import community.recommender.content.upload.ContentProblem;
import community.recommender.web.http.LimitBreachJson;
import community.recommender.content.upload.UploadedFile;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.InstantRange;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.application.library.ContentLibrary;
import community.recommender.web.application.library.ContentRejectedException;
import community.recommender.web.application.library.FileReport;
import community.recommender.web.store.ContentStore.Saved;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/content}: submit items as JSON or files, read, replace and archive them, search the library,
 * and list its gaps (what groups wait for that it lacks).
 */
public final class ContentRoutes implements Routes {
  /** Where multipart uploads arrive; mounted with its own, larger, body limit. */
  private static final String UPLOADS = "/api/v1/content/uploads";
  private static final int MAX_PAGE_SIZE = 100;
  /**
   * The longest search text, and the most words in it: each word becomes a clause per searched
   * field, and Lucene refuses a query of more than 1,024 clauses.
   */
  static final int MAX_QUERY_CHARS = 500;
  static final int MAX_QUERY_WORDS = 64;
  /** The longest tag or region filter. */
  static final int MAX_FILTER_CHARS = 64;

  private final ContentLibrary library;
  private final long maxUploadBytes;
  private final Path uploadsDir;

  /** Uploads may be up to {@code maxUploadBytes}, spooled to {@code uploadsDir} while a request is read. */
  public ContentRoutes(ContentLibrary library, long maxUploadBytes, Path uploadsDir) {
    this.library = library;
    this.maxUploadBytes = maxUploadBytes;
    this.uploadsDir = uploadsDir;
  }

  @Override
  public void mountBeforeBody(Router router) {
    // Files come to one endpoint only; it alone takes large bodies, spooled to disk rather than held in memory.
    router.post(UPLOADS).handler(BodyHandler.create().setBodyLimit(maxUploadBytes)
        .setUploadsDirectory(uploadsDir.toString()).setDeleteUploadedFilesOnEnd(true));
  }

  @Override
  public void mount(Router router) {
    var edit = TokenAuthHandler.requireRole(Role.EDITOR);
    var read = TokenAuthHandler.requireRole(Role.EDITOR, Role.OPERATOR);
    router.post(UPLOADS).handler(edit).handler(this::upload);
    router.post("/api/v1/content").handler(edit).handler(this::submit);
    router.get("/api/v1/content").handler(read).handler(this::search);
    // Before /:id, which would otherwise take "gaps" for an item's id.
    router.get("/api/v1/content/gaps").handler(edit).handler(this::gaps);
    router.get("/api/v1/content/:id").handler(read).handler(this::get);
    router.put("/api/v1/content/:id").handler(edit).handler(this::put);
    router.delete("/api/v1/content/:id").handler(edit).handler(this::archive);
    router.get("/api/v1/content/:id/versions").handler(read).handler(this::versions);
    router.get("/api/v1/content/:id/media/:name").handler(TokenAuthHandler.requireRole(Role.EDITOR, Role.OPERATOR,
        Role.BOT)).handler(this::media);
  }

  /** What the library lacks, the most waited-on first: {@code ?limit=} (1 to 1,000, default 100). */
  private void gaps(RoutingContext ctx) {
    library.gaps(intParam(ctx, "limit", 1, ContentLibrary.MAX_GAPS, 100))
        .onSuccess(gaps -> Responses.json(ctx, 200, ContentGapJson.toJson(gaps)))
        .onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw ApiError.unsupportedType("send the files as multipart/form-data");
    }
    List<FileUpload> uploads = ctx.fileUploads();
    if (uploads.isEmpty()) {
      throw ApiError.malformed("the upload holds no files; send each as a multipart file part");
    }
    List<UploadedFile> files = new ArrayList<>();
    ctx.vertx().executeBlocking(() -> {
          for (FileUpload upload : uploads) {
            files.add(new UploadedFile(upload.fileName(), readAll(Path.of(upload.uploadedFileName()))));
          }
          return files;
        }, false)
        .compose(read -> library.upload(read, changedBy(ctx)))
        .onSuccess(reports -> answerUpload(ctx, reports))
        .onFailure(ctx::fail);
  }

  private static void answerUpload(RoutingContext ctx, List<FileReport> reports) {
    JsonArray files = new JsonArray();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<ContentProblem> problems = new ArrayList<>();
    for (FileReport report : reports) {
      JsonObject file = new JsonObject().put("file", report.file()).put("result", report.result());
      JsonArray items = new JsonArray();
      for (Saved saved : report.saved()) {
        items.add(savedJson(saved));
        created += saved.created() ? 1 : 0;
        updated += !saved.created() && saved.changed() ? 1 : 0;
        unchanged += saved.changed() ? 0 : 1;
      }
      file.put("items", items);
      if (!report.usedBy().isEmpty()) {
        file.put("usedBy", new JsonArray(report.usedBy()));
      }
      if (report.rejected()) {
        file.put("problems", ContentJson.problems(report.problems()));
        problems.addAll(report.problems());
      }
      files.add(file);
    }
    long rejected = reports.stream().filter(FileReport::rejected).count();
    JsonObject body = new JsonObject().put("files", files).put("created", created).put("updated", updated)
        .put("unchanged", unchanged).put("rejected", rejected);
    if (rejected == 0) {
      Responses.json(ctx, 200, body);
      return;
    }
    ContentRejectedException rejection = new ContentRejectedException(problems);
    int status = rejected == reports.size() ? Faults.status(rejection.first().fault()) : 207;
    body.put("error", errorJson(status, rejection));
    Responses.json(ctx, status, body);
  }

  private void submit(RoutingContext ctx) {
    String json = bodyText(ctx);
    refuseNul(json);
    boolean single = json.stripLeading().startsWith("{");
    library.submit(json, changedBy(ctx))
        .onSuccess(saved -> {
          if (single) {
            Responses.json(ctx, saved.get(0).created() ? 201 : 200, itemJson(saved.get(0)));
          } else {
            JsonArray items = new JsonArray();
            saved.forEach(s -> items.add(savedJson(s)));
            Responses.json(ctx, 200, new JsonObject().put("items", items)
                .put("created", saved.stream().filter(Saved::created).count())
                .put("updated", saved.stream().filter(s -> !s.created() && s.changed()).count())
                .put("unchanged", saved.stream().filter(s -> !s.changed()).count()));
          }
        })
        .onFailure(e -> fail(ctx, e));
  }

  private void put(RoutingContext ctx) {
    String id = itemId(ctx);
    JsonObject item = Responses.jsonBody(ctx);
    Object bodyId = item.getValue("id");
    if (bodyId != null && !id.equals(bodyId)) {
      throw ApiError.invalid("id", "the body's id '" + bodyId + "' differs from the path's '" + id + "'");
    }
    item.put("id", id);
    library.submit(item.encode(), changedBy(ctx), ItemVersions.expected(ctx))
        .onSuccess(saved -> {
          ItemVersions.tag(ctx, saved.get(0).item());
          Responses.json(ctx, saved.get(0).created() ? 201 : 200, itemJson(saved.get(0)));
        })
        .onFailure(e -> fail(ctx, e));
  }

  private void get(RoutingContext ctx) {
    String id = itemId(ctx);
    library.find(id)
        .map(found -> found.orElseThrow(() -> notFound(id)))
        .onSuccess(item -> {
          ItemVersions.tag(ctx, item);
          Responses.json(ctx, 200, ContentJson.toJson(item));
        })
        .onFailure(ctx::fail);
  }

  private void archive(RoutingContext ctx) {
    String id = itemId(ctx);
    library.archive(id, changedBy(ctx), ItemVersions.expected(ctx))
        .map(archived -> archived.orElseThrow(() -> notFound(id)))
        .onSuccess(saved -> {
          ItemVersions.tag(ctx, saved.item());
          Responses.json(ctx, 200, ContentJson.toJson(saved.item()).put("result", saved.result()));
        })
        .onFailure(ctx::fail);
  }

  private void versions(RoutingContext ctx) {
    String id = itemId(ctx);
    library.versions(id)
        .map(versions -> {
          if (versions.isEmpty()) {
            throw notFound(id);
          }
          return versions;
        })
        .onSuccess(versions -> {
          JsonArray all = new JsonArray();
          versions.forEach(v -> all.add(new JsonObject().put("version", v.item().getVersion())
              .put("storedAt", v.storedAt().toString()).put("changedBy", v.changedBy())
              .put("item", ContentJson.toJson(v.item()))));
          Responses.json(ctx, 200, new JsonObject().put("id", id).put("versions", all));
        })
        .onFailure(ctx::fail);
  }

  private void media(RoutingContext ctx) {
    String id = itemId(ctx);
    String name = ctx.pathParam("name");
    library.media(id, name)
        .map(found -> found.orElseThrow(() -> ApiError.notFound("item '" + id + "' has no image '" + name + "'")))
        .onSuccess(media -> {
          ctx.response().putHeader("Content-Type", media.mediaType())
              .putHeader("X-Content-Type-Options", "nosniff")
              .putHeader("Cache-Control", "private, max-age=300")
              .end(io.vertx.core.buffer.Buffer.buffer(media.bytes()));
        })
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    ContentSearchRequest request = new ContentSearchRequest(
        query(ctx),
        enumParam(ctx, "kind", ContentKind.class),
        bounded(ctx, "tag", MAX_FILTER_CHARS),
        bounded(ctx, "region", MAX_FILTER_CHARS),
        enumParam(ctx, "status", ContentStatus.class),
        instantParam(ctx, "validAt"),
        intParam(ctx, "page", 1, Integer.MAX_VALUE, 1),
        intParam(ctx, "size", 1, MAX_PAGE_SIZE, 20),
        order(ctx));
    if ((long) request.page() * request.size() > ContentSearch.MAX_DEPTH) {
      throw ApiError.invalid("page", "page × size may be at most " + ContentSearch.MAX_DEPTH
          + "; narrow the search with q, kind, tag or region instead");
    }
    library.search(request)
        .onSuccess(results -> Responses.json(ctx, 200, searchJson(request, results)))
        .onFailure(ctx::fail);
  }

  private static JsonObject searchJson(ContentSearchRequest request, ContentSearchResults results) {
    JsonArray items = new JsonArray();
    results.hits().forEach(hit -> items.add(ContentJson.toJson(hit.item()).put("score", hit.score())));
    JsonObject facets = new JsonObject();
    results.facets().forEach((dimension, counts) -> {
      JsonObject values = new JsonObject();
      counts.forEach(values::put);
      facets.put(dimension, values);
    });
    return new JsonObject().put("total", results.total()).put("page", request.page()).put("size", request.size())
        .put("items", items).put("facets", facets);
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    if (e instanceof ContentRejectedException rejection) {
      int status = Faults.status(rejection.first().fault());
      Responses.json(ctx, status, new JsonObject().put("error", errorJson(status, rejection)));
    } else {
      ctx.fail(e);
    }
  }

  private static JsonObject errorJson(int status, ContentRejectedException rejection) {
    ContentProblem first = rejection.first();
    JsonObject error = new JsonObject().put("status", status).put("message", first.toString()).put("file", first.file());
    if (first.line() > 0) {
      error.put("line", first.line());
    }
    if (first.field() != null) {
      error.put("field", first.field());
    }
    return error.put("problems", ContentJson.problems(rejection.problems()));
  }

  private static JsonObject itemJson(Saved saved) {
    return withWarnings(ContentJson.toJson(saved.item()).put("result", saved.result()), saved);
  }

  private static JsonObject savedJson(Saved saved) {
    return withWarnings(new JsonObject().put("id", saved.item().getId()).put("version", saved.item().getVersion())
        .put("result", saved.result()), saved);
  }

  /**
   * The platform limits the stored item goes over, as {@code warnings}, when there are any: the item
   * is stored all the same, and never chosen for a group on those platforms.
   */
  private static JsonObject withWarnings(JsonObject json, Saved saved) {
    List<LimitBreach> breaches = PlatformFit.breaches(saved.item());
    return breaches.isEmpty() ? json : json.put("warnings", LimitBreachJson.toJson(breaches));
  }

  private static String bodyText(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiError.malformed("the request needs a JSON body: one item, or an array of items");
    }
    return ctx.body().asString("UTF-8");
  }

  /** 422 naming the field when the JSON holds NUL anywhere; JSON that does not parse is left to the library to report. */
  private static void refuseNul(String json) {
    if (!json.contains("\\u0000")) {
      return;
    }
    try {
      NulCharacters.refuseIn(Json.decodeValue(json), "");
    } catch (DecodeException e) {
      // The library answers malformed JSON with its own, better located, message.
    }
  }

  private static String itemId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!ContentValidator.ID.matcher(id).matches()) {
      throw ApiError.invalid("id", "id must be 1-128 letters, digits, '.', '_' or '-'");
    }
    return id;
  }

  private static String changedBy(RoutingContext ctx) {
    return TokenAuthHandler.caller(ctx).tokenId();
  }

  private static ApiError notFound(String id) {
    return ApiError.notFound("no content item '" + id + "'");
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The search text, within {@link #MAX_QUERY_CHARS} characters and {@link #MAX_QUERY_WORDS} words. */
  private static String query(RoutingContext ctx) {
    String q = bounded(ctx, "q", MAX_QUERY_CHARS);
    if (q != null && q.split("\\s+").length > MAX_QUERY_WORDS) {
      throw ApiError.invalid("q", "q may hold at most " + MAX_QUERY_WORDS + " words, not " + q.split("\\s+").length);
    }
    return q;
  }

  /** The {@code sort} parameter: a field the list may be ordered by, '-' first for descending; null when absent. */
  private static ContentOrder order(RoutingContext ctx) {
    String value = bounded(ctx, "sort", MAX_FILTER_CHARS);
    if (value == null) {
      return null;
    }
    SortParam.Sorting<ContentOrder.Field> sorting = SortParam.read(value, ContentOrder.Field.values(),
        ContentOrder.Field::apiName);
    return new ContentOrder(sorting.field(), sorting.descending());
  }

  private static String bounded(RoutingContext ctx, String name, int max) {
    String value = blankToNull(ctx.queryParams().get(name));
    if (value != null && value.length() > max) {
      throw ApiError.invalid(name, name + " must be at most " + max + " characters, not " + value.length());
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E enumParam(RoutingContext ctx, String name, Class<E> type) {
    String value = blankToNull(ctx.queryParams().get(name));
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(name, name + " must be one of " + List.of(type.getEnumConstants()).toString()
          .toLowerCase(Locale.ROOT) + ", not '" + value + "'");
    }
  }

  private static Instant instantParam(RoutingContext ctx, String name) {
    String value = blankToNull(ctx.queryParams().get(name));
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name, name + " must be an instant such as 2026-06-01T12:00:00Z or a date such as"
          + " 2026-06-01, not '" + value + "'");
    }
    if (!InstantRange.contains(instant)) {
      throw ApiError.invalid(name, name + " must lie " + InstantRange.describe());
    }
    return instant;
  }

  private static int intParam(RoutingContext ctx, String name, int min, int max, int fallback) {
    String value = blankToNull(ctx.queryParams().get(name));
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Answered below, with the range.
    }
    throw ApiError.invalid(name, name + " must be a whole number from " + min + " to "
        + (max == Integer.MAX_VALUE ? "up" : max) + ", not '" + value + "'");
  }
}
