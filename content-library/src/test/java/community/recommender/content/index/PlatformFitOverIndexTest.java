package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.format.SampleLibrary;
import community.recommender.content.rendering.PlatformFit;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real playbook over the sample library never chooses an item for a group on a platform it does not fit. */
class PlatformFitOverIndexTest {
  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

  @TempDir Path indexDir;

  @Test
  void winnerMadeTooLongForWeCom_isNoLongerChosenThere_butStillOnTelegram() throws Exception {
    List<ContentItem> samples = SampleLibrary.read(Path.of("samples"));
    RuleBook rules = new RuleBook();
    rules.activate(rules.compile(new RuleFolder(Path.of("..", "rules")).read()), 1);
    try (ContentIndex index = ContentIndex.open(indexDir)) {
      index.apply(samples, samples.size());
      DecisionPipeline pipeline = new DecisionPipeline(rules, new LuceneContentCatalog(index));
      ContentItem chosen = pipeline.decide(quietCoffeeGroup(Platform.WECOM), NOW).winner().orElseThrow();

      ContentItem tooLong = chosen.toBuilder().body(chosen.getBody() + "\n\n" + "每天一杯好咖啡。".repeat(220))
          .version(chosen.getVersion() + 1).build();
      index.apply(List.of(tooLong), samples.size() + 1);

      assertThat(PlatformFit.unfitPlatforms(tooLong)).containsExactly(Platform.WECOM);
      assertThat(pipeline.decide(quietCoffeeGroup(Platform.WECOM), NOW).winner()).get()
          .extracting(ContentItem::getId).isNotEqualTo(chosen.getId());
      assertThat(pipeline.decide(quietCoffeeGroup(Platform.TELEGRAM), NOW).winner()).get()
          .extracting(ContentItem::getId).isEqualTo(chosen.getId());
    }
  }

  private static Group quietCoffeeGroup(Platform platform) {
    Portrait portrait = Portrait.named("上海咖啡研习社").platform(platform).interests(List.of("coffee"))
        .region("CN-SH-Shanghai").language("zh").memberCount(200).kocCount(8).build();
    Instant created = NOW.minus(Duration.ofDays(300));
    ActivityCounts week = new ActivityCounts(10, 4, 0, 0, 2, 0, 0, 0);
    return Group.assess("sh-coffee-" + platform, portrait, week, new ActivityCounts(40, 16, 0, 0, 8, 0, 0, 0), created,
        created, NOW);
  }
}
