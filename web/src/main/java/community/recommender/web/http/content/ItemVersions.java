package community.recommender.web.http.content;

import community.recommender.engine.model.ContentItem;
import community.recommender.web.http.EntityTags;
import community.recommender.web.store.ExpectedVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Set;

/**
 * A content item's version as its HTTP entity tag: {@code ETag: "3"} on what is answered, and
 * {@code If-Match} read into the versions a change may be made to.
 */
final class ItemVersions {
  private ItemVersions() {}

  /** Puts the item's version in the answer's {@code ETag}. */
  static void tag(RoutingContext ctx, ContentItem item) {
    ctx.response().putHeader("ETag", "\"" + item.getVersion() + "\"");
  }

  /** The versions the request's {@code If-Match} admits, strongly compared; null when it has none. */
  static ExpectedVersion expected(RoutingContext ctx) {
    EntityTags tags = EntityTags.of(ctx.request(), "If-Match");
    if (tags == null) {
      return null;
    }
    if (tags.any()) {
      return new ExpectedVersion(true, Set.of());
    }
    Set<Integer> versions = new HashSet<>();
    for (String tag : tags.strong()) {
      if (tag.matches("[1-9][0-9]{0,8}")) {
        versions.add(Integer.parseInt(tag));
      }
    }
    return new ExpectedVersion(false, versions);
  }
}
