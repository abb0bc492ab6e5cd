package org.meridian.outcomes.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The feed_lease rows (Flyway V17): who may read a feed, until when (the database's clock). */
@ApplicationScoped
public class FeedLeaseRepository {

    /**
     * Renews the lease for {@code holder}, or takes it when nobody holds it or its holder let it expire. One statement:
     * two replicas taking an expired lease at once serialise on the row, and the second finds it held.
     */
    public boolean holdOrTake(String feed, String holder, Duration ttl) {
        return !Panache.getEntityManager()
                .createNativeQuery("""
                        INSERT INTO feed_lease (feed, holder, acquired_at, expires_at)
                        VALUES (:feed, :holder, clock_timestamp(), clock_timestamp() + make_interval(secs => :ttl))
                        ON CONFLICT (feed) DO UPDATE
                          SET holder = excluded.holder,
                              acquired_at = CASE WHEN feed_lease.holder = excluded.holder
                                                 THEN feed_lease.acquired_at ELSE excluded.acquired_at END,
                              expires_at = excluded.expires_at
                          WHERE feed_lease.holder = excluded.holder OR feed_lease.expires_at < clock_timestamp()
                        RETURNING holder""")
                .setParameter("feed", feed)
                .setParameter("holder", holder)
                .setParameter("ttl", ttl.toMillis() / 1000.0)
                .getResultList()
                .isEmpty();
    }

    /** Ends {@code holder}'s lease at once (a replica stopping), so that another takes it at its next poll. */
    public void release(String feed, String holder) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "UPDATE feed_lease SET expires_at = '-infinity' WHERE feed = :feed AND holder = :holder")
                .setParameter("feed", feed)
                .setParameter("holder", holder)
                .executeUpdate();
    }
}
