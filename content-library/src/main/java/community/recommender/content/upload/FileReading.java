package community.recommender.content.upload;

import java.util.List;

/**
 * What became of one uploaded file once read: its items, or why it is rejected.
 *
 * @param file the file's name
 * @param items the items it holds, each with its images; empty for an image file
 * @param problems every problem found; the file is accepted only when there is none
 * @param usedBy for an image file, the ids of the items that refer to it
 */
public record FileReading(String file, List<UploadedItem> items, List<ContentProblem> problems, List<String> usedBy) {

  public FileReading {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
    usedBy = List.copyOf(usedBy);
  }

  public boolean accepted() {
    return problems.isEmpty();
  }

  /** Whether this file is an image that items of the same upload refer to, rather than a file of items. */
  public boolean isImage() {
    return !usedBy.isEmpty();
  }
}
