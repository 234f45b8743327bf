package community.recommender.web.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Through a database outage, callers confirmed before it are let in; no one else is. */
class OutageTolerantTokensTest {
  private static final Caller BOT = new Caller("t-1", "bot", Role.BOT, List.of("sh-coffee-lovers"));

  @Test
  void callerConfirmedBeforeAnOutage_isLetInDuringIt() {
    FakeTokens database = new FakeTokens();
    database.callers.put("cr_known", BOT);
    OutageTolerantTokens tokens = new OutageTolerantTokens(database);
    assertThat(tokens.callerOf("cr_known").result()).contains(BOT);

    database.away = true;

    assertThat(tokens.callerOf("cr_known").result()).contains(BOT);
  }

  @Test
  void tokenNeverConfirmed_failsAsTheOutage() {
    FakeTokens database = new FakeTokens();
    database.callers.put("cr_known", BOT);
    OutageTolerantTokens tokens = new OutageTolerantTokens(database);
    database.away = true;

    Future<Optional<Caller>> answer = tokens.callerOf("cr_known");

    assertThat(answer.failed()).isTrue();
    assertThat(DatabaseOutage.explains(answer.cause())).isTrue();
  }

  @Test
  void revokedToken_isNotLetInDuringALaterOutage() {
    FakeTokens database = new FakeTokens();
    database.callers.put("cr_known", BOT);
    OutageTolerantTokens tokens = new OutageTolerantTokens(database);
    tokens.callerOf("cr_known");
    tokens.revoke("t-1");
    database.away = true;

    assertThat(tokens.callerOf("cr_known").failed()).isTrue();
  }

  @Test
  void failureThatIsNoOutage_isPassedOn_evenForAKnownCaller() {
    FakeTokens database = new FakeTokens();
    database.callers.put("cr_known", BOT);
    OutageTolerantTokens tokens = new OutageTolerantTokens(database);
    tokens.callerOf("cr_known");
    database.failure = new IllegalStateException("a bug, not an outage");

    assertThat(tokens.callerOf("cr_known").failed()).isTrue();
  }

  /** Tokens in a map; {@code away} makes every call fail as a refused connection does. */
  private static final class FakeTokens implements TokenStore {
    final Map<String, Caller> callers = new HashMap<>();
    boolean away;
    RuntimeException failure;

    @Override
    public Future<Optional<Caller>> callerOf(String token) {
      if (away) {
        return Future.failedFuture(new ConnectException("Connection refused"));
      }
      if (failure != null) {
        return Future.failedFuture(failure);
      }
      return Future.succeededFuture(Optional.ofNullable(callers.get(token)));
    }

    @Override
    public Future<IssuedToken> create(Role role, List<String> groups, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<IssuedToken> create(Role role, List<String> groups, String name, String createdBy) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<TokenRecord>> list() {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Boolean> revoke(String id) {
      callers.values().removeIf(caller -> caller.tokenId().equals(id));
      return Future.succeededFuture(true);
    }

    @Override
    public Future<Optional<String>> createFirstAdmin() {
      return Future.succeededFuture(Optional.empty());
    }
  }
}
