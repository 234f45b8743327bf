package community.recommender.web.server;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Lines written to a stream in batches, every {@value #INTERVAL_MS} ms and on close, so that logging
 * a request costs an append to memory rather than a write to the stream (a system call behind a lock
 * every event loop shares).
 */
final class BatchedLines implements Consumer<String>, AutoCloseable {
  static final long INTERVAL_MS = 100;
  /** A batch this large is written at once rather than waiting for the timer. */
  private static final int MOST_CHARS = 64 * 1024;

  private final Vertx vertx;
  private final PrintStream out;
  private final StringBuilder pending = new StringBuilder();
  private final long timer;

  BatchedLines(Vertx vertx, PrintStream out) {
    this.vertx = vertx;
    this.out = out;
    this.timer = vertx.setPeriodic(INTERVAL_MS, id -> flush());
  }

  @Override
  public void accept(String line) {
    synchronized (pending) {
      pending.append(line).append('\n');
      if (pending.length() < MOST_CHARS) {
        return;
      }
    }
    flush();
  }

  /** Writes every line taken so far. */
  void flush() {
    String batch;
    synchronized (pending) {
      if (pending.length() == 0) {
        return;
      }
      batch = pending.toString();
      pending.setLength(0);
    }
    synchronized (out) {
      out.print(batch);
      out.flush();
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
    flush();
  }
}
