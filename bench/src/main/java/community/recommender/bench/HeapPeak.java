package community.recommender.bench;

/** Samples the used heap every millisecond on a thread of its own and reports how far it rose. */
final class HeapPeak {
  private final long before;
  private final Thread sampler;
  private volatile long peak;
  private volatile boolean running = true;

  private HeapPeak() {
    System.gc();
    before = used();
    peak = before;
    sampler = new Thread(() -> {
      while (running) {
        peak = Math.max(peak, used());
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-peak");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts sampling after a full collection, so the baseline is the live heap. */
  static HeapPeak start() {
    return new HeapPeak();
  }

  /** Stops sampling; the most the used heap rose above the baseline, in bytes. */
  long stop() throws InterruptedException {
    running = false;
    sampler.join();
    return Math.max(0, peak - before);
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
