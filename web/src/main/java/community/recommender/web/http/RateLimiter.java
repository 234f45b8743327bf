package community.recommender.web.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token, on this node: {@code requestsPerSecond} sustained, {@code burst} at
 * once. With several nodes behind a load balancer, each node allows the rate on its own.
 */
public final class RateLimiter {
  private final double requestsPerSecond;
  private final int burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A limiter allowing {@code requestsPerSecond} with bursts of {@code burst}; a rate of 0 allows everything. */
  public RateLimiter(double requestsPerSecond, int burst) {
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
  }

  /** Takes one request from {@code tokenId}'s bucket; answers 0 when allowed, else whole seconds to wait. */
  public long take(String tokenId) {
    if (requestsPerSecond <= 0) {
      return 0;
    }
    return buckets.computeIfAbsent(tokenId, id -> new Bucket(burst)).take(System.nanoTime());
  }

  private final class Bucket {
    private double available;
    private long refilledAt;

    Bucket(int burst) {
      this.available = burst;
      this.refilledAt = System.nanoTime();
    }

    synchronized long take(long now) {
      available = Math.min(burst, available + (now - refilledAt) / 1e9 * requestsPerSecond);
      refilledAt = now;
      if (available >= 1) {
        available -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - available) / requestsPerSecond));
    }
  }
}
