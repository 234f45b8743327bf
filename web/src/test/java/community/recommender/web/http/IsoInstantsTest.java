package community.recommender.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  @Test
  void text_isWhatInstantWritesForAnyInstant() {
    SplittableRandom random = new SplittableRandom(18);
    long first = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    int[] nanos = {0, 1, 999_999_999, 532_000_000, 532_100_000, 532_123_000, 532_123_456, 7_000};
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(first, last),
          i % 2 == 0 ? nanos[i / 2 % nanos.length] : random.nextInt(1_000_000_000));
      assertThat(IsoInstants.text(instant)).isEqualTo(instant.toString());
    }
    for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "2028-02-29T12:00:00.100Z"}) {
      assertThat(IsoInstants.text(Instant.parse(edge))).isEqualTo(Instant.parse(edge).toString());
    }
  }

  @Test
  void appendMillis_alwaysGivesThreeDigitsOfMilliseconds() {
    assertThat(IsoInstants.appendMillis(new StringBuilder("at "), Instant.parse("2026-11-23T10:00:01Z")))
        .hasToString("at 2026-11-23T10:00:01.000Z");
    assertThat(IsoInstants.appendMillis(new StringBuilder(), Instant.parse("2026-01-02T03:04:05.006789Z")))
        .hasToString("2026-01-02T03:04:05.006Z");
    assertThat(IsoInstants.appendMillis(new StringBuilder(), Instant.parse("0999-12-31T23:59:59.999Z")))
        .hasToString("0999-12-31T23:59:59.999Z");
  }
}
