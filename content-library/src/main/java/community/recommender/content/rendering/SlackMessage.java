package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * A Slack {@code chat.postMessage}: the title as notification text, and blocks (a header, the body
 * as one standard-Markdown {@code markdown} block, images).
 */
public record SlackMessage(String text, List<SlackBlock> blocks, List<LimitBreach> breaches) implements Rendering {

  public SlackMessage {
    blocks = List.copyOf(blocks);
    breaches = List.copyOf(breaches);
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }
}
