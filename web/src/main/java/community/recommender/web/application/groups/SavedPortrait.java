package community.recommender.web.application.groups;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.PostingRecency;
import java.util.Optional;

/**
 * A group whose portrait was just saved, as it now stands.
 *
 * @param created whether the save created the group
 */
public record SavedPortrait(boolean created, Group group, PostingRecency recency, Optional<Suggestion> pending) {}
