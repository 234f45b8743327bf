package community.recommender.web.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error: bytes sent of the total, and files done.
 *
 * <p>On a terminal it redraws one line in place; into a file or a pipe it writes a line only when
 * a request finishes, so that logs stay readable.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean redraw;
  private final long totalBytes;
  private final int totalFiles;
  private long sentBytes;
  private int doneFiles;
  private String lastLine = "";

  public ProgressBar(PrintWriter err, boolean redraw, long totalBytes, int totalFiles) {
    this.err = err;
    this.redraw = redraw;
    this.totalBytes = Math.max(1, totalBytes);
    this.totalFiles = totalFiles;
  }

  /** Counts {@code bytes} more as sent. */
  public synchronized void sent(long bytes) {
    sentBytes = Math.min(totalBytes, sentBytes + bytes);
    if (redraw) {
      draw();
    }
  }

  /** Counts {@code files} more as answered. */
  public synchronized void filesDone(int files) {
    doneFiles += files;
    draw();
    if (!redraw) {
      err.println();
    }
  }

  /** Ends the bar's line. */
  public synchronized void finish() {
    if (redraw) {
      err.println();
    }
    err.flush();
  }

  private void draw() {
    int filled = (int) (WIDTH * sentBytes / totalBytes);
    String line = String.format("[%s%s] %3d%%  %d/%d files  %s / %s", "#".repeat(filled), "-".repeat(WIDTH - filled),
        100 * sentBytes / totalBytes, doneFiles, totalFiles, size(sentBytes), size(totalBytes));
    if (line.equals(lastLine)) {
      return;
    }
    lastLine = line;
    err.print(redraw ? "\r" + line : line);
    err.flush();
  }

  private static String size(long bytes) {
    return bytes < 1024 * 1024 ? String.format("%.1f KiB", bytes / 1024.0) : String.format("%.1f MiB", bytes / 1048576.0);
  }
}
