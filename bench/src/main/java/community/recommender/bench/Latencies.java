package community.recommender.bench;

import java.util.Arrays;

/** Collects latencies in nanoseconds and reports percentiles. */
final class Latencies {
  private long[] values = new long[1024];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  int count() {
    return size;
  }

  /** The p-th percentile in milliseconds, p from 0 to 100. */
  double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
    return sorted[index] / 1e6;
  }

  double meanMillis() {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / (double) size / 1e6;
  }

  String summary() {
    return String.format("mean %.3f ms, p50 %.3f ms, p99 %.3f ms (n=%d)", meanMillis(), percentileMillis(50),
        percentileMillis(99), size);
  }
}
