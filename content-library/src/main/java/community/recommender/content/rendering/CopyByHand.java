package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * Plain text and images for a person to copy into a personal WeChat group by hand: that platform
 * has no sanctioned API, and tools that post for an account get it banned.
 */
public record CopyByHand(String text, List<String> images) implements Rendering {

  public CopyByHand {
    images = List.copyOf(images);
  }

  @Override
  public Platform platform() {
    return Platform.WECHAT;
  }

  @Override
  public List<LimitBreach> breaches() {
    return List.of();
  }
}
