package community.recommender.content.upload;

/**
 * An image that arrived with an item.
 *
 * @param name the name the item knows it by, without folders
 * @param mediaType the type its signature revealed
 * @param bytes its content
 */
public record MediaFile(String name, String mediaType, byte[] bytes) {}
