package community.recommender.web.application.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedAnswersTest {
  private static final Instant NOW = Instant.parse("2026-06-03T06:00:00Z");
  private static final SuggestionAnswer HELD = new SuggestionAnswer.Held(NOW.plusSeconds(600), List.of(),
      new JsonObject());


  @Test
  void remember_keepsAnAnswer_whenOnlyOtherGroupsChangedWhileItWasWorkedOut() {
    LocalNotices notices = new LocalNotices();
    RememberedAnswers remembered = new RememberedAnswers(notices);
    long mark = remembered.mark("busy-group");

    // A fleet's claims and reports: many notices, none for this group or any group sharing its stamp.
    int stamp = Math.floorMod("busy-group".hashCode(), RememberedAnswers.STAMPS);
    for (int i = 0; i < 500; i++) {
      String other = "other-" + i;
      if (Math.floorMod(other.hashCode(), RememberedAnswers.STAMPS) != stamp) {
        notices.announce(other);
      }
    }
    remembered.remember("busy-group", HELD, mark);

    assertThat(remembered.at("busy-group", NOW)).contains(HELD);
  }

  @Test
  void remember_dropsAnAnswer_whenItsOwnGroupChangedWhileItWasWorkedOut() {
    LocalNotices notices = new LocalNotices();
    RememberedAnswers remembered = new RememberedAnswers(notices);
    long mark = remembered.mark("raced-group");

    notices.announce("raced-group");
    remembered.remember("raced-group", HELD, mark);

    assertThat(remembered.at("raced-group", NOW)).isEmpty();
  }

  @Test
  void aNoticeForEveryGroup_forgetsEveryAnswer_andVoidsEveryMark() {
    LocalNotices notices = new LocalNotices();
    RememberedAnswers remembered = new RememberedAnswers(notices);
    remembered.remember("a", HELD, remembered.mark("a"));
    long markB = remembered.mark("b");

    notices.announceAll();
    remembered.remember("b", HELD, markB);

    assertThat(remembered.at("a", NOW)).isEmpty();
    assertThat(remembered.at("b", NOW)).isEmpty();
  }

  @Test
  void aHold_isForgottenOnceItEnds() {
    RememberedAnswers remembered = new RememberedAnswers(new LocalNotices());
    remembered.remember("g", HELD, remembered.mark("g"));

    assertThat(remembered.at("g", NOW.plusSeconds(599))).contains(HELD);
    assertThat(remembered.at("g", NOW.plusSeconds(600))).isEmpty();
  }
}
