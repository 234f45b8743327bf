package community.recommender.web.application.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitersTest {
  private final Vertx vertx = Vertx.vertx();


  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aNoticeForEveryGroup_wakesEveryWaiter_spreadOverSeconds() throws InterruptedException {
    LocalNotices notices = new LocalNotices();
    Waiters waiters = new Waiters(notices);
    int groups = 40;
    CountDownLatch woken = new CountDownLatch(groups);
    ConcurrentHashMap<String, Long> wokenAt = new ConcurrentHashMap<>();
    CountDownLatch registered = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      for (int i = 0; i < groups; i++) {
        String group = "group-" + i;
        waiters.register(group, () -> {
          wokenAt.put(group, System.nanoTime());
          woken.countDown();
        }, () -> { });
      }
      registered.countDown();
    });
    assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();

    long announced = System.nanoTime();
    notices.announceAll();

    assertThat(woken.await(20, TimeUnit.SECONDS)).as("every waiter is woken").isTrue();
    long first = wokenAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    long last = wokenAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(TimeUnit.NANOSECONDS.toMillis(last - first))
        .as("40 groups are woken over more than a second, not at once").isGreaterThan(1_000);
    assertThat(TimeUnit.NANOSECONDS.toMillis(last - announced)).isLessThan(Waiters.SPREAD_MILLIS + 5_000L);
  }

  @Test
  void aNoticeForOneGroup_wakesOnlyItsWaiters() throws InterruptedException {
    LocalNotices notices = new LocalNotices();
    Waiters waiters = new Waiters(notices);
    CountDownLatch mine = new CountDownLatch(1);
    List<String> others = new ArrayList<>();
    CountDownLatch registered = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      waiters.register("mine", mine::countDown, () -> { });
      waiters.register("other", () -> others.add("other"), () -> { });
      registered.countDown();
    });
    assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();

    notices.announce("mine");

    assertThat(mine.await(10, TimeUnit.SECONDS)).isTrue();
    // The wake-up and anything queued with it ran on the same event loop; "other" was never woken.
    CountDownLatch drained = new CountDownLatch(1);
    vertx.runOnContext(v -> drained.countDown());
    assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(others).isEmpty();
  }
}
