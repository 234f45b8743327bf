package community.recommender.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchedLinesTest {

  @Test
  void close_writesEveryLineInTheOrderTakenFromEveryThread() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BatchedLines lines = new BatchedLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String name = "t" + t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 1000; i++) {
          lines.accept(name + " " + i + " 日志");
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    lines.close();

    List<String> written = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(written).hasSize(4000);
    for (int t = 0; t < 4; t++) {
      String name = "t" + t + " ";
      assertThat(written.stream().filter(line -> line.startsWith(name)).toList())
          .containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> name + i + " 日志").toList());
    }
  }

  @Test
  void writer_writesLinesWhileTheyAreStillBeingTaken() throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    OutputStream stream = new OutputStream() {
      @Override
      public void write(int b) {
        written.countDown();
      }
    };
    try (BatchedLines lines = new BatchedLines(new PrintStream(stream, false, StandardCharsets.UTF_8))) {
      lines.accept("one line");
      // The writer's interval is 100 ms; a minute only bounds a writer that never runs.
      assertThat(written.await(1, TimeUnit.MINUTES)).isTrue();
    }
  }
}
