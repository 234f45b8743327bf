package community.recommender.web.store;

/** A token just created: the token itself, shown only this once, and its record. */
public record IssuedToken(String token, TokenRecord record) {}
