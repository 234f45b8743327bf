package community.recommender.web.application.demo;

import community.recommender.web.application.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void dailyWindows_followEachOther_andAddUpToTheTotal() {
    ActivityCounts week = new ActivityCounts(901, 210, 2, 1, 300, 80, 14, 4);

    List<ActivityReport> days = DemoData.daily(week, FROM, 7);

    assertThat(days).hasSize(7);
    for (int d = 0; d < days.size(); d++) {
      assertThat(days.get(d).from()).isEqualTo(FROM.plus(Duration.ofDays(d)));
      assertThat(days.get(d).to()).isEqualTo(FROM.plus(Duration.ofDays(d + 1)));
    }
    assertThat(days.stream().mapToLong(r -> r.counts().getMessages()).sum()).isEqualTo(901);
    assertThat(days.stream().mapToLong(r -> r.counts().getJoins()).sum()).isEqualTo(2);
    assertThat(days.stream().mapToLong(r -> r.counts().getComplaints()).sum()).isEqualTo(4);
    assertThat(days).allSatisfy(r -> assertThat(r.counts().getMessages()).isNotNegative());
    assertThat(days.stream().mapToLong(r -> r.counts().getMessages()).distinct().count())
        .as("days differ, as real groups' days do").isGreaterThan(1);
  }
}
