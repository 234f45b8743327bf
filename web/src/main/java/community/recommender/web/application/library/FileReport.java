package community.recommender.web.application.library;

import community.recommender.content.upload.ContentProblem;
import community.recommender.web.store.ContentStore.Saved;
import java.util.List;

/**
 * What became of one uploaded file.
 *
 * @param file the file's name
 * @param saved the items it created or updated; empty when rejected
 * @param problems why it was rejected; empty when it was stored
 * @param usedBy for an image, the items it was attached to
 */
public record FileReport(String file, List<Saved> saved, List<ContentProblem> problems, List<String> usedBy) {

  public FileReport {
    saved = List.copyOf(saved);
    problems = List.copyOf(problems);
    usedBy = List.copyOf(usedBy);
  }

  /**
   * {@code rejected}, {@code attached} for an image, {@code created} when every item is new,
   * {@code unchanged} when every item was stored as it is already, else {@code updated}.
   */
  public String result() {
    if (!problems.isEmpty()) {
      return "rejected";
    }
    if (!usedBy.isEmpty()) {
      return "attached";
    }
    if (saved.stream().allMatch(Saved::created)) {
      return "created";
    }
    return saved.stream().noneMatch(Saved::changed) ? "unchanged" : "updated";
  }

  public boolean rejected() {
    return !problems.isEmpty();
  }
}
