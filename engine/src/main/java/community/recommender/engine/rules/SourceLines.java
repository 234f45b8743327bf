package community.recommender.engine.rules;

import java.util.Arrays;

/** Turns offsets in a text into lines and columns, both from 1, in logarithmic time. */
final class SourceLines {
  private final String text;
  private final int[] lineStarts;

  SourceLines(String text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  int length() {
    return text.length();
  }

  String text() {
    return text;
  }

  /** The line (from 1) of {@code offset}. */
  int lineOf(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    return (index >= 0 ? index : -index - 2) + 1;
  }

  /** The column (from 1) of {@code offset}. */
  int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  /** The offset of {@code line} and {@code column}, both from 1, clamped to the text. */
  int offsetOf(int line, int column) {
    int l = Math.min(Math.max(line, 1), lineStarts.length);
    return Math.min(text.length(), lineStarts[l - 1] + Math.max(column, 1) - 1);
  }
}
