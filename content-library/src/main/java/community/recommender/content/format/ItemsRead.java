package community.recommender.content.format;

import community.recommender.engine.model.ContentItem;
import java.util.List;

/**
 * What a file held: the items that were read and checked, and every problem found.
 *
 * <p>Readers keep going after a bad item, so that an editor sees every error in a file at once;
 * the file is accepted only when {@code problems} is empty.
 */
public record ItemsRead(List<ContentItem> items, List<ContentFormatException> problems) {

  public ItemsRead {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }

  /** A file that could not be read at all. */
  public static ItemsRead failed(ContentFormatException problem) {
    return new ItemsRead(List.of(), List.of(problem));
  }

  public boolean accepted() {
    return problems.isEmpty();
  }
}
