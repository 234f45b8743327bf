package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * A WeCom customer-group message for {@code add_msg_template}: plain text, then images and link
 * cards as attachments.
 */
public record WeComMessage(String text, List<WeComAttachment> attachments, List<LimitBreach> breaches)
    implements Rendering {

  public WeComMessage {
    attachments = List.copyOf(attachments);
    breaches = List.copyOf(breaches);
  }

  @Override
  public Platform platform() {
    return Platform.WECOM;
  }
}
