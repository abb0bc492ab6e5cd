package org.meridian.gateway.routing;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/** Trying a service's replicas in turn. */
public final class Failover {

    private Failover() {}

    /** The first of the attempts on {@code candidates} (made one after the other) that succeeds, or the last failure. */
    public static <O, T> Future<T> firstSucceeding(List<O> candidates, Function<O, Future<T>> attempt) {
        Future<T> result = attempt.apply(candidates.get(0));
        for (O candidate : candidates.subList(1, candidates.size())) {
            result = result.recover(failure -> attempt.apply(candidate));
        }
        return result;
    }
}
