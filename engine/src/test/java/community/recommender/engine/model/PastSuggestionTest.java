package community.recommender.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which earlier suggestions count as sent, WeCom's confirmation steps included. */
class PastSuggestionTest {
  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
  private static final Instant EARLIER = NOW.minusSeconds(3600);

  @Test
  void weComTaskOnItsWay_countsAsSent_andSettledWithoutSendingDoesNot() {
    assertThat(past(Outcome.TASK_CREATED).isSent()).isTrue();
    assertThat(past(Outcome.AWAITING_CONFIRMATION).isSent()).isTrue();
    assertThat(past(Outcome.POSTED).isSent()).isTrue();
    assertThat(past(Outcome.EXPIRED).isSent()).isFalse();
    assertThat(past(Outcome.CANCELLED).isSent()).isFalse();
    assertThat(past(Outcome.SKIPPED).isSent()).isFalse();
  }

  @Test
  void history_countsATaskAwaitingConfirmationForPacingAndNoRepeat() {
    History history = new History(List.of(past(Outcome.AWAITING_CONFIRMATION), past(Outcome.EXPIRED)), NOW,
        ZoneOffset.UTC);

    assertThat(history.getSentToday()).isEqualTo(1);
    assertThat(history.getMinutesSinceLastSent()).isEqualTo(60);
    assertThat(history.sentContentWithin("awaiting_confirmation", 1)).isTrue();
    assertThat(history.sentContentWithin("expired", 30)).isFalse();
  }

  private static PastSuggestion past(Outcome outcome) {
    return new PastSuggestion(outcome.name().toLowerCase(), ContentKind.POST, List.of(), EARLIER, true, outcome, null,
        NOW);
  }
}
