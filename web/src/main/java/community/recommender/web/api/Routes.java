package community.recommender.web.api;

import io.vertx.ext.web.Router;

/** A group of related endpoints that mounts itself on the router. */
public interface Routes {

  /** Adds this group's routes; they run after authentication, unless they are public. */
  void mount(Router router);
}
