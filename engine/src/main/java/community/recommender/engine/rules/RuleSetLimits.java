package community.recommender.engine.rules;

import java.time.Duration;

/**
 * How large a rule set may be, and how long it may take to compile.
 *
 * @param maxFileBytes the most UTF-8 bytes one .drl file may have (413 beyond)
 * @param maxSetBytes the most UTF-8 bytes all files together may have (413 beyond)
 * @param maxRules the most rules the set may hold (422 beyond)
 * @param compileTimeout how long compiling may take before the set is refused (422)
 */
public record RuleSetLimits(int maxFileBytes, int maxSetBytes, int maxRules, Duration compileTimeout) {
  /** Room for the playbook many times over: it is about 15 KB and 26 rules. */
  public static final RuleSetLimits DEFAULT = new RuleSetLimits(256 * 1024, 1024 * 1024, 2_000, Duration.ofSeconds(60));
}
