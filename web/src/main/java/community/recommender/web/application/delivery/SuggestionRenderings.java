package community.recommender.web.application.delivery;

import community.recommender.content.rendering.ContentRenderer;
import community.recommender.content.rendering.Rendering;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.GroupStore;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Renders a suggestion for its group's platform, or for another platform a chat tool asks for;
 * stored images are addressed as this server's media paths, which a bot token may read.
 */
public final class SuggestionRenderings {
  private final GroupStore groups;
  private final ContentRenderer renderer;

  public SuggestionRenderings(GroupStore groups) {
    this.groups = groups;
    this.renderer = new ContentRenderer(SuggestionRenderings::mediaPath);
  }

  /** The suggestion rendered for {@code format}, or for its group's platform when none is asked for. */
  public Future<Rendering> render(Suggestion suggestion, Optional<Platform> format) {
    if (format.isPresent()) {
      return Future.succeededFuture(renderer.render(suggestion.content(), format.get()));
    }
    // Only the portrait: the platform is all a rendering needs of the group, not its activity.
    return groups.portrait(suggestion.groupId())
        .map(portrait -> portrait.map(Portrait::getPlatform).orElse(Platform.OTHER))
        .map(platform -> renderer.render(suggestion.content(), platform));
  }

  /** Where the content API serves an item's stored image. */
  static String mediaPath(String contentId, String name) {
    return "/api/v1/content/" + encoded(contentId) + "/media/" + encoded(name);
  }

  private static String encoded(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
