package community.recommender.content.rendering;

/** Where a chat tool fetches an item's stored image from; renderers stay free of URLs' shape. */
@FunctionalInterface
public interface MediaLinks {

  /** The address of the image {@code name} stored with item {@code contentId}. */
  String urlOf(String contentId, String name);
}
