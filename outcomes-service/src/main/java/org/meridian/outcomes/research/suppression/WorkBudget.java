package org.meridian.outcomes.research.suppression;

/** The simplex arithmetic an aggregate's audit may still do, shared by all the tables and rates it protects. */
final class WorkBudget {

    long left;
    /** Tables that hid every cell they decide, out of budget or without another way to protect a cell. */
    int fallbacks;

    WorkBudget(long left) {
        this.left = left;
    }
}
