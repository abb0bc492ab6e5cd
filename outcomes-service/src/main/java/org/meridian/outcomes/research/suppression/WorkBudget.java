package org.meridian.outcomes.research.suppression;

/** The simplex arithmetic an aggregate's audit may still do, shared by all the tables and rates it protects. */
final class WorkBudget {

    long left;

    WorkBudget(long left) {
        this.left = left;
    }
}
