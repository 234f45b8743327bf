package community.recommender.engine.rules;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The sessions that decisions open on one rule base, kept from one decision to the next.
 *
 * <p>A new session builds the memory of every node its facts reach; a session handed back is reset
 * (its facts, agenda and listeners go) but keeps those memories, so the next decision skips that
 * work. The pool keeps as many idle sessions as decisions ran at once, up to {@link #MAX_IDLE}. A
 * session whose rules ran away or failed is disposed of instead of handed back.
 */
public final class SessionPool {
  /** The most idle sessions kept: more than any node runs decisions at once. */
  static final int MAX_IDLE = 64;

  private final KieBase kieBase;
  private final Queue<KieSession> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  SessionPool(KieBase kieBase) {
    this.kieBase = kieBase;
  }

  /** The rule base every session of this pool runs. */
  public KieBase kieBase() {
    return kieBase;
  }

  /** A session holding no facts and no listeners: one handed back earlier, or a new one. */
  KieSession take() {
    KieSession session = idle.poll();
    if (session == null) {
      return kieBase.newKieSession();
    }
    idleCount.decrementAndGet();
    return session;
  }

  /** Resets {@code session}, which ran to the end of its last stage, and keeps it for the next decision. */
  void handBack(KieSession session) {
    if (idleCount.incrementAndGet() > MAX_IDLE || !(session instanceof StatefulKnowledgeSessionImpl resettable)) {
      idleCount.decrementAndGet();
      session.dispose();
      return;
    }
    resettable.reset();
    idle.offer(session);
  }

  /** How many sessions wait to be taken. */
  int idle() {
    return idleCount.get();
  }
}
