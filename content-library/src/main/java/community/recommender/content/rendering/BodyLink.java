package community.recommender.content.rendering;

/** A link in a body: the words it is on and where it goes. */
record BodyLink(String label, String url) {}
