package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.meridian.outcomes.persistence.FeedLeaseRepository;

/** The lease on intake's feed, each call in a transaction of its own (docs/deployment.md#scaling). */
@ApplicationScoped
public class FeedLease {

    private final FeedLeaseRepository leases;

    FeedLease(FeedLeaseRepository leases) {
        this.leases = leases;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean holdOrTake(String feed, String holder, Duration ttl) {
        return leases.holdOrTake(feed, holder, ttl);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String feed, String holder) {
        leases.release(feed, holder);
    }
}
