package org.meridian.intake.rest.validation;

import java.util.List;
import org.meridian.platform.web.problem.ErrorCode;

/**
 * A request whose fields depend on each other (e.g. electro-acupuncture needs a frequency). It lists the rules it
 * breaks; {@link Consistent} turns each into a validation error on the named field.
 */
public interface CrossFieldRules {

    List<BrokenRule> brokenRules();

    /** A broken rule: the field to blame (relative to the request object), why, and a fixed message. */
    record BrokenRule(String field, ErrorCode code, String message) {}
}
