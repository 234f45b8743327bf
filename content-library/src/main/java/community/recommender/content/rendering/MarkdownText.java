package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/** The body as its editor wrote it, in Markdown, and its images, for platforms without a renderer. */
public record MarkdownText(String markdown, List<String> images) implements Rendering {

  public MarkdownText {
    images = List.copyOf(images);
  }

  @Override
  public Platform platform() {
    return Platform.OTHER;
  }

  @Override
  public List<LimitBreach> breaches() {
    return List.of();
  }
}
