package community.recommender.bench;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates reproducible groups that cover every band, stage, region and language. */
final class SyntheticGroups {
  private SyntheticGroups() {}

  static List<Group> generate(int size, Instant now, long seed) {
    Random random = new Random(seed);
    List<Group> groups = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int members = 20 + random.nextInt(480);
      long messages = (long) (members * random.nextDouble() * 2.5);
      ActivityCounts week = new ActivityCounts(messages, messages / 3, random.nextInt(8), random.nextInt(3),
          messages / 2, messages / 10, random.nextInt(4), random.nextDouble() < 0.15 ? messages / 8 : 0);
      ActivityCounts month = new ActivityCounts(messages * (2 + random.nextInt(5)), messages, week.getJoins() * 3, 0,
          messages * 2, messages / 3, week.getOrders() * 3, week.getComplaints() * 3);
      Portrait portrait = Portrait.named("group " + i)
          .platform(Platform.values()[random.nextInt(Platform.values().length)])
          .interests(List.of(SyntheticLibrary.pick(SyntheticLibrary.INTERESTS, random),
              SyntheticLibrary.pick(SyntheticLibrary.INTERESTS, random)))
          .region(SyntheticLibrary.pick(SyntheticLibrary.REGIONS, random))
          .language(random.nextBoolean() ? "zh" : "en")
          .timezone(ZoneId.of("UTC"))
          .memberCount(members)
          .kocCount(random.nextInt(5))
          .build();
      Instant created = now.minus(Duration.ofDays(1 + random.nextInt(700)));
      groups.add(Group.assess("g-" + i, portrait, week, month, created, created, now));
    }
    return groups;
  }
}
