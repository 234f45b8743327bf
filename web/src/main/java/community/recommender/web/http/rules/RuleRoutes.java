package community.recommender.web.http.rules;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.engine.rules.RuleSet;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.application.playbook.RuleMirror;
import community.recommender.web.application.playbook.RuleService;
import community.recommender.web.application.playbook.RuleSimulation;
import community.recommender.web.store.RuleSetStore.Version;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/rules}: read, change, validate, simulate and roll back the playbook. Operators only:
 * DRL is code.
 */
public final class RuleRoutes implements Routes {

  private final RuleService rules;
  private final RuleSimulation simulation;

  public RuleRoutes(RuleService rules, RuleSimulation simulation) {
    this.rules = rules;
    this.simulation = simulation;
  }

  @Override
  public void mount(Router router) {
    router.route("/api/v1/rules*").handler(TokenAuthHandler.requireRole(Role.OPERATOR));
    router.get("/api/v1/rules").handler(this::list);
    router.post("/api/v1/rules/validate").handler(this::validate);
    router.post("/api/v1/rules/simulate").handler(this::simulate);
    router.get("/api/v1/rules/versions").handler(this::versions);
    router.get("/api/v1/rules/versions/:version").handler(this::version);
    router.post("/api/v1/rules/versions/:version/activate").handler(this::restore);
    router.get("/api/v1/rules/:file").handler(this::read);
    router.put("/api/v1/rules/:file").handler(this::put);
    router.delete("/api/v1/rules/:file").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    RuleSet active = rules.active();
    JsonArray files = new JsonArray();
    rules.activeFiles().forEach((name, text) -> files.add(new JsonObject().put("name", name)
        .put("bytes", text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
    JsonArray ruleNames = new JsonArray(active.rules().ruleNames());
    Responses.json(ctx, 200, new JsonObject()
        .put("version", active.version())
        .put("contentHash", active.rules().contentHash())
        .put("files", files)
        .put("rules", ruleNames)
        .put("mirror", mirror(rules.mirror())));
  }

  /** Whether the rules folder holds the active set; a console shows {@code error} when it does not. */
  private static JsonObject mirror(RuleMirror.Status status) {
    return new JsonObject()
        .put("folder", status.folder().toString())
        .put("written", status.written())
        .put("version", status.version())
        .put("error", status.error());
  }

  private void read(RoutingContext ctx) {
    String file = file(ctx);
    String text = rules.activeFiles().get(file);
    if (text == null) {
      throw ApiError.notFound("no rule file '" + file + "'");
    }
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
  }

  private void put(RoutingContext ctx) {
    String file = file(ctx);
    rules.putFile(file, drlBody(ctx), TokenAuthHandler.caller(ctx).author(), ChangeNote.of(ctx.queryParams().get("note")))
        .onSuccess(set -> Responses.json(ctx, 200, activated(set)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    rules.deleteFile(file(ctx), TokenAuthHandler.caller(ctx).author(), ChangeNote.of(ctx.queryParams().get("note")))
        .onSuccess(set -> Responses.json(ctx, 200, activated(set)))
        .onFailure(ctx::fail);
  }

  /** Validates a proposal: a DRL body for {@code ?file=x.drl}, or JSON {@code {"files": {...}}}. */
  private void validate(RoutingContext ctx) {
    rules.check(rules.activeFilesWith(proposal(ctx)))
        .onSuccess(compiled -> Responses.json(ctx, 200, new JsonObject().put("valid", true)
            .put("files", compiled.sources().size()).put("contentHash", compiled.contentHash())))
        .onFailure(ctx::fail);
  }

  private void simulate(RoutingContext ctx) {
    simulation.simulate(proposal(ctx))
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private void versions(RoutingContext ctx) {
    long active = rules.active().version();
    rules.versions()
        .onSuccess(all -> {
          JsonArray items = new JsonArray();
          all.forEach(v -> items.add(summary(v).put("active", v.version() == active)));
          Responses.json(ctx, 200, new JsonObject().put("items", items).put("activeVersion", active));
        })
        .onFailure(ctx::fail);
  }

  private void version(RoutingContext ctx) {
    long version = versionParam(ctx);
    rules.version(version)
        .onSuccess(v -> Responses.json(ctx, 200, summary(v).put("files", new JsonObject(new LinkedHashMap<>(v.files())))))
        .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    long version = versionParam(ctx);
    rules.restore(version, TokenAuthHandler.caller(ctx).author(), ChangeNote.ofRestore(ctx))
        .onSuccess(set -> Responses.json(ctx, 200, activated(set).put("restoredFrom", version)))
        .onFailure(ctx::fail);
  }

  private static JsonObject summary(Version v) {
    return new JsonObject()
        .put("version", v.version())
        .put("contentHash", v.contentHash())
        .put("author", v.author())
        .put("createdAt", v.createdAt().toString())
        .put("note", v.note())
        .put("fileNames", new JsonArray(v.files().keySet().stream().toList()));
  }

  private static JsonObject activated(RuleSet set) {
    return new JsonObject().put("version", set.version()).put("contentHash", set.rules().contentHash());
  }

  private static Map<String, String> proposal(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      return RuleProposalJson.files(Responses.jsonBody(ctx), "files");
    }
    String file = ctx.queryParams().get("file");
    if (file == null) {
      throw ApiError.invalid("file", "send DRL text with ?file=name.drl, or JSON {\"files\": {\"name.drl\": \"...\"}}");
    }
    checkFileName(file, "file");
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put(file, drlBody(ctx));
    return changes;
  }

  private static String drlBody(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString("UTF-8");
    if (text == null || text.isEmpty()) {
      throw ApiError.malformed("the request needs the DRL text as its body");
    }
    return text;
  }

  private static String file(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    checkFileName(file, "file");
    return file;
  }

  private static void checkFileName(String file, String field) {
    RuleProposalJson.checkFileName(file, field);
  }

  private static long versionParam(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw ApiError.invalid("version", "version must be a whole number");
    }
  }
}
