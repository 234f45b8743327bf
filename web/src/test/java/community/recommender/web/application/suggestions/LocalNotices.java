package community.recommender.web.application.suggestions;

import community.recommender.web.store.ChangeNotices;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Change notices heard only on this node, at once: the tests' own fake of the port. */
final class LocalNotices implements ChangeNotices {
  private final List<Consumer<String>> listeners = new ArrayList<>();

  @Override
  public void onNotice(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public Future<Void> announce(String groupId) {
    listeners.forEach(l -> l.accept(groupId));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> announce(Collection<String> groupIds) {
    groupIds.forEach(this::announce);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> announceAll() {
    return announce(EVERY_GROUP);
  }

  @Override
  public boolean listening() {
    return true;
  }
}
