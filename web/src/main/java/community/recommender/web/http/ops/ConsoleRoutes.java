package community.recommender.web.http.ops;

import community.recommender.web.http.Routes;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The web console at {@code /}: the page and its bundled assets, served from the jar without a
 * token (the page signs in itself), under a Content-Security-Policy that lets it load nothing
 * from outside the app and run no inline script.
 *
 * <p>The bundle is built from {@code console/} by npm during the Maven build into the classpath
 * folder {@value #WEBROOT}. Asset names carry a content hash, so assets are cached for a year
 * while the page is revalidated on every load. The page carries a fresh nonce each time, the
 * only way its rule editor (CodeMirror) may add its own style element; scripts get no nonce.
 */
public final class ConsoleRoutes implements Routes {
  /** The classpath folder of the bundle. */
  public static final String WEBROOT = "webroot";

  private static final String NONCE_PLACEHOLDER = "%CSP_NONCE%";
  private static final long YEAR_SECONDS = 365L * 24 * 60 * 60;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String page;

  public ConsoleRoutes() {
    this.page = readPage();
  }

  @Override
  public void mount(Router router) {
    for (String path : new String[] {"/", "/index.html"}) {
      router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::page);
    }
    // A prefix route hands the static handler the path below its prefix, hence the nested root.
    router.route("/assets/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(ctx -> {
          setHeaders(ctx, policy(null), "public, max-age=" + YEAR_SECONDS + ", immutable");
          ctx.next();
        })
        .handler(StaticHandler.create(WEBROOT + "/assets").setCachingEnabled(true).setMaxAgeSeconds(YEAR_SECONDS));
  }

  private void page(RoutingContext ctx) {
    if (page == null) {
      ctx.next();
      return;
    }
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    setHeaders(ctx, policy(nonce), "no-cache");
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page.replace(NONCE_PLACEHOLDER, nonce));
  }

  /** The policy: everything from this app only; styles may also come with the page's nonce. */
  static String policy(String nonce) {
    return String.join("; ",
        "default-src 'self'",
        "script-src 'self'",
        nonce == null ? "style-src 'self'" : "style-src 'self' 'nonce-" + nonce + "'",
        // Blob URLs: images of content items, fetched with the token by the console itself.
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");
  }

  private static void setHeaders(RoutingContext ctx, String policy, String cacheControl) {
    ctx.response().headers()
        .set("Content-Security-Policy", policy)
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY")
        .set("Cache-Control", cacheControl);
  }

  /** The bundled page, or null in a build made without the console (the routes then answer 404). */
  private static String readPage() {
    try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(WEBROOT + "/index.html")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console page", e);
    }
  }
}
