package community.recommender.web.application.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
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

  @Test
  void sleepingWaiters_ringInTheOrderOfTheirTimes_andLeaveNoAlarmBehind() throws InterruptedException {
    Waiters waiters = new Waiters(new LocalNotices());
    List<Integer> rang = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch allRang = new CountDownLatch(3);
    vertx.runOnContext(v -> {
      int[] millis = {300, 20, 150};
      for (int i = 0; i < millis.length; i++) {
        int which = i;
        waiters.register("group-" + i, () -> { }, () -> { }).sleep(millis[i], () -> {
          rang.add(which);
          allRang.countDown();
        });
      }
    });

    assertThat(allRang.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(rang).containsExactly(1, 2, 0);
    assertThat(onEventLoop(waiters::sleeping)).isZero();
  }

  @Test
  void waitersOfManyRequestsOnOneEventLoop_shareOneAlarmClock() throws InterruptedException {
    Waiters waiters = new Waiters(new LocalNotices());
    CountDownLatch allRang = new CountDownLatch(20);
    ContextInternal loop = (ContextInternal) vertx.getOrCreateContext();
    for (int i = 0; i < 20; i++) {
      // As the HTTP server does, each request runs on a context of its own duplicating the event loop's.
      ContextInternal request = loop.duplicate();
      int group = i;
      request.runOnContext(v -> waiters.register("group-" + group, () -> { }, () -> { })
          .sleep(10, allRang::countDown));
    }

    assertThat(allRang.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(waiters.alarmClocks()).isEqualTo(1);
  }

  @Test
  void aWaiterWokenOrCancelled_neverRingsItsAlarm() throws InterruptedException {
    Waiters waiters = new Waiters(new LocalNotices());
    List<String> rang = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch later = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      Waiters.Registration woken = waiters.register("woken", () -> { }, () -> { });
      woken.sleep(30, () -> rang.add("woken"));
      Waiters.Registration cancelled = waiters.register("cancelled", () -> { }, () -> { });
      cancelled.sleep(30, () -> rang.add("cancelled"));
      waiters.register("later", () -> { }, () -> { }).sleep(200, later::countDown);
      woken.wakeUp();
      cancelled.cancel();
    });

    assertThat(later.await(10, TimeUnit.SECONDS)).as("a later alarm still rings").isTrue();
    assertThat(rang).isEmpty();
  }

  @Test
  void cancellingTheWaitersOfOneGroup_inAnyOrder_leavesNoneToWake() throws InterruptedException {
    LocalNotices notices = new LocalNotices();
    Waiters waiters = new Waiters(notices);
    List<String> woken = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Waiters.Registration> registrations = new ArrayList<>();
    CountDownLatch registered = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      for (String name : List.of("first", "middle", "last", "kept")) {
        registrations.add(waiters.register("group", () -> woken.add(name), () -> { }));
      }
      registered.countDown();
    });
    assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(waiters.size()).isEqualTo(4);

    onEventLoop(() -> {
      registrations.get(1).cancel();
      registrations.get(0).cancel();
      registrations.get(2).cancel();
      registrations.get(2).cancel();
      return null;
    });
    assertThat(waiters.size()).isOne();
    notices.announce("group");
    onEventLoop(() -> null);

    assertThat(woken).containsExactly("kept");
  }

  @Test
  void anAlarmSetWhileAnotherRings_doesNotDelayAnEarlierOne() throws InterruptedException {
    Waiters waiters = new Waiters(new LocalNotices());
    CountDownLatch earlier = new CountDownLatch(1);
    long[] rangAfterMillis = new long[1];
    long start = System.nanoTime();
    vertx.runOnContext(v -> {
      Waiters.Registration first = waiters.register("first", () -> { }, () -> { });
      first.sleep(20, () -> first.sleep(60_000, () -> { }));
      waiters.register("second", () -> { }, () -> { }).sleep(200, () -> {
        rangAfterMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        earlier.countDown();
      });
    });

    assertThat(earlier.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(rangAfterMillis[0]).as("rang near its 200 ms, not after the 60 s one").isLessThan(20_000);
  }

  /** Runs {@code work} on the event loop the waiters were registered on, after what was queued there. */
  private <T> T onEventLoop(java.util.concurrent.Callable<T> work) throws InterruptedException {
    java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
    vertx.runOnContext(v -> {
      try {
        done.complete(work.call());
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    });
    try {
      return done.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
