package community.recommender.engine.rules.sandbox;

/**
 * One thing compiled rule code does that the sandbox refuses.
 *
 * @param className the generated class, as an internal name
 * @param method the method of that class the code sits in
 * @param message what is refused, in plain words
 * @param hint a word to look for in the DRL source to find the mistake, such as a method name
 */
public record Violation(String className, String method, String message, String hint) {}
