package community.recommender.web.server;

import java.util.ArrayDeque;
import java.util.Deque;

/** A started server: its port, and everything to close, in reverse order of opening. */
public final class RunningServer implements AutoCloseable {
  private final Deque<AutoCloseable> resources;
  private final int port;

  RunningServer(Deque<AutoCloseable> resources, int port) {
    this.resources = new ArrayDeque<>(resources);
    this.port = port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        // Keep closing the rest: a half-closed server must not hold the database open.
        System.err.println("warning: while stopping: " + e.getMessage());
      }
    }
  }
}
