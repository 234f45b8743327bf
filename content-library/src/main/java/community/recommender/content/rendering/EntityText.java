package community.recommender.content.rendering;

import java.util.List;
import java.util.Objects;

/** Plain text with the formatting laid over it as entities, as Telegram takes it instead of markup. */
public record EntityText(String text, List<TextEntity> entities) {

  public EntityText {
    Objects.requireNonNull(text, "text");
    entities = List.copyOf(entities);
  }
}
