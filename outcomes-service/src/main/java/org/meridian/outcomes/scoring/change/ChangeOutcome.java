package org.meridian.outcomes.scoring.change;

/** What the {@link ChangeCalculator} returns: a {@link ChangeResult}, or {@link ChangeNotApplicable}. */
public sealed interface ChangeOutcome permits ChangeResult, ChangeNotApplicable {

    String instrumentCode();

    String instrumentVersion();
}
