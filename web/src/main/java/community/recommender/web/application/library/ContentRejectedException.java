package community.recommender.web.application.library;

import community.recommender.content.format.Fault;
import community.recommender.content.upload.ContentProblem;
import java.util.Comparator;
import java.util.List;

/** Thrown when submitted content is refused; carries every problem found, the worst first. */
public final class ContentRejectedException extends RuntimeException {
  /** Which fault speaks for a set of problems: one that cannot be parsed at all, then sizes, types, values. */
  private static final List<Fault> PRECEDENCE = List.of(Fault.MALFORMED, Fault.TOO_LARGE, Fault.UNSUPPORTED,
      Fault.INVALID);

  private final List<ContentProblem> problems;

  public ContentRejectedException(List<ContentProblem> problems) {
    super(problems.isEmpty() ? "rejected" : worst(problems).toString());
    this.problems = List.copyOf(problems);
  }

  public List<ContentProblem> problems() {
    return problems;
  }

  /** The problem that decides the answer's status. */
  public ContentProblem first() {
    return worst(problems);
  }

  static ContentProblem worst(List<ContentProblem> problems) {
    return problems.stream().min(Comparator.comparingInt(p -> PRECEDENCE.indexOf(p.fault()))).orElseThrow();
  }
}
