import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's baseline: a bare Vert.x endpoint on the same Vert.x and the same route template
 * as the real poll, {@code GET /api/v1/groups/:groupId/suggestion}, answering every request with a
 * fixed JSON body (the bytes of a real suggestion, so the same size) or, for the held case, with an
 * empty 204 and the same headers. One router per event loop, as the real server deploys. Run with
 * the recommender jar on the class path:
 *
 * <pre>java -cp web/target/recommender.jar bench/BareServer.java PORT json|empty BODY_FILE [TOKEN]</pre>
 *
 * <p>With {@code TOKEN}, a request without {@code Authorization: Bearer TOKEN} gets 401, as the issue's
 * hand-made baseline did: a token check is the least any real poll endpoint does.
 */
public class BareServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    boolean json = args[1].equals("json");
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[2])));
    String expected = args.length > 3 ? "Bearer " + args[3] : null;
    Vertx vertx = Vertx.vertx();
    int instances = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < instances; i++) {
      Router router = Router.router(vertx);
      router.get("/api/v1/groups/:groupId/suggestion").handler(ctx -> {
        if (expected != null && !expected.equals(ctx.request().getHeader("Authorization"))) {
          ctx.response().setStatusCode(401).end();
        } else if (json) {
          ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
              .putHeader("ETag", "\"5b0c7d1e-0a3c-4a55-9d0e-2f1b8c9a7e21\"")
              .putHeader("Cache-Control", "no-store")
              .end(body);
        } else {
          ctx.response().putHeader("Retry-After", "14400")
              .putHeader("X-Next-Suggestion-At", "2026-11-22T13:00:00Z")
              .setStatusCode(204).end();
        }
      });
      vertx.createHttpServer(new HttpServerOptions()).requestHandler(router).listen(port)
          .toCompletionStage().toCompletableFuture().get();
    }
    System.out.println("bare server listening on http://localhost:" + port + " (" + (json ? body.length() + " byte body" : "204") + ")");
  }
}
