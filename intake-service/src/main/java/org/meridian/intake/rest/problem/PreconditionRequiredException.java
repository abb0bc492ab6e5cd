package org.meridian.intake.rest.problem;

/** An update arrived without the If-Match header that protects it from overwriting someone else's change (428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send If-Match with the ETag of the version you read, so you cannot overwrite someone else's change");
    }
}
