package community.recommender.web.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Lines written to a stream in UTF-8, in batches, by a thread of their own, every
 * {@value #INTERVAL_MS} ms and on close, so that logging a request costs a lock-free append to
 * memory: no event loop waits for the stream (a system call that blocks when the reader is slow) or
 * for another event loop's line.
 *
 * <p>While more than {@value #MOST_CHARS} characters wait, the writer is woken at once; while more
 * than {@value #BACKLOG_CHARS} wait, because the stream cannot keep up, the caller writes the batch
 * itself, so that a stalled stream slows requests down rather than filling the heap.
 */
final class BatchedLines implements Consumer<String>, AutoCloseable {
  static final long INTERVAL_MS = 100;
  /** A batch this large is written at once rather than waiting for the interval. */
  private static final int MOST_CHARS = 64 * 1024;
  /** A backlog this large is written by the callers themselves. */
  private static final int BACKLOG_CHARS = 16 * 1024 * 1024;

  private final PrintStream out;
  private final Queue<String> pending = new ConcurrentLinkedQueue<>();
  private final AtomicLong pendingChars = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  BatchedLines(PrintStream out) {
    this.out = out;
    this.writer = new Thread(this::writeUntilClosed, "access-log");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void accept(String line) {
    pending.add(line);
    long waiting = pendingChars.addAndGet(line.length() + 1);
    if (waiting > BACKLOG_CHARS) {
      flush();
    } else if (waiting > MOST_CHARS && waiting - line.length() - 1 <= MOST_CHARS) {
      LockSupport.unpark(writer);
    }
  }

  /** Writes every line taken so far. */
  void flush() {
    StringBuilder batch = new StringBuilder();
    synchronized (out) {
      for (String line = pending.poll(); line != null; line = pending.poll()) {
        batch.append(line).append('\n');
      }
      if (batch.isEmpty()) {
        return;
      }
      pendingChars.addAndGet(-batch.length());
      // Encoded here, once, rather than char by char through the stream's writer.
      byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
      out.flush();
    }
  }

  private void writeUntilClosed() {
    while (!closed) {
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
      flush();
    }
  }

  /** Stops the writer, then writes what is left. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(writer);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
