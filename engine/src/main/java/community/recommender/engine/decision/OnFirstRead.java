package community.recommender.engine.decision;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list worked out when it is first read, so that a decision's explanation costs nothing until it
 * is stored or asked for.
 *
 * <p>The work must be pure: two threads reading at once may both do it, and either answer is kept.
 */
final class OnFirstRead<T> extends AbstractList<T> {
  private final Supplier<List<T>> work;
  private volatile List<T> done;

  OnFirstRead(Supplier<List<T>> work) {
    this.work = work;
  }

  private List<T> list() {
    List<T> list = done;
    if (list == null) {
      list = List.copyOf(work.get());
      done = list;
    }
    return list;
  }

  @Override
  public T get(int index) {
    return list().get(index);
  }

  @Override
  public int size() {
    return list().size();
  }
}
