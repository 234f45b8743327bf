package community.recommender.engine.model;

import java.util.Objects;

/**
 * An image that goes with a content item, named as the item refers to it.
 *
 * @param name the file name, such as {@code roses.jpg}, unique within its item
 * @param mediaType the type told from the file's signature, such as {@code image/jpeg}; null until
 *     the file has been received
 */
public record MediaAttachment(String name, String mediaType) {

  public MediaAttachment {
    Objects.requireNonNull(name, "name");
  }
}
