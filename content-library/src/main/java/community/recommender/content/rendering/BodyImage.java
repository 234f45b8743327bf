package community.recommender.content.rendering;

/** An image a body shows: where it comes from as written, and its alternative text. */
record BodyImage(String source, String altText) {}
