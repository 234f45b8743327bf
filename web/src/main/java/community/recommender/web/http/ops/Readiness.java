package community.recommender.web.http.ops;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code GET /health/ready} checks besides the database.
 *
 * @param draining whether this node is shutting down (it then answers 503 to readiness at once)
 * @param indexProblem why the content index cannot serve, or null when it can
 * @param listening whether the LISTEN connection for other nodes' changes is up
 */
public record Readiness(BooleanSupplier draining, Supplier<String> indexProblem, BooleanSupplier listening) {}
