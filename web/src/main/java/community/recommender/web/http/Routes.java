package community.recommender.web.http;

import io.vertx.ext.web.Router;

/** A group of related endpoints that mounts itself on the router. */
public interface Routes {

  /** Adds this group's routes; they run after authentication, unless they are public. */
  void mount(Router router);

  /**
   * Adds handlers that must run before the shared body handler, such as a larger body limit for
   * an upload; none by default. They run after authentication: a body is read for callers with a
   * valid token only.
   */
  default void mountBeforeBody(Router router) {}
}
