package community.recommender.web.http.ops;

import community.recommender.web.http.Routes;

import community.recommender.web.metrics.ServerMetrics;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} (Prometheus text format) and {@code GET /openapi.yaml}, without a token:
 * scrapers and API tools read them. Keep {@code /metrics} off the public internet.
 */
public final class OpsRoutes implements Routes {
  private final ServerMetrics metrics;
  private final String openApi;

  public OpsRoutes(ServerMetrics metrics) {
    this.metrics = metrics;
    this.openApi = resource("/openapi.yaml");
  }

  @Override
  public void mount(Router router) {
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(openApi));
  }

  private static String resource(String name) {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
